import pytest

from hromada.core import identifiers


@pytest.mark.parametrize(
    ("base", "check"),
    [
        # DOMAIN.md ID-04 worked examples.
        ("3412345", "7"),  # weights 7 1 2 3 4 5 6
        ("1000006", "2"),  # remainder 10: second pass with weights 3..9
        ("3285596", "1"),
        # Codes the demo city uses.
        ("0003212", "9"),
        ("1436057", "0"),
        ("3131671", "8"),
    ],
)
def test_edrpou_check_digit(base, check):
    assert identifiers.edrpou_check_digit(base) == check


@pytest.mark.parametrize(
    ("code", "valid"),
    [
        ("34123457", True),
        ("10000062", True),
        ("32855961", True),
        ("34123458", False),
        ("3412345", False),
        ("341234570", False),
        ("3412345a", False),
        ("３４１２３４５７", False),  # fullwidth digits are not ASCII
        ("", False),
    ],
)
def test_edrpou_is_valid(code, valid):
    assert identifiers.edrpou_is_valid(code) is valid


def test_digits_only_drops_separators():
    assert identifiers.digits_only(" 3412-3457 ") == "34123457"


def test_edrpou_check_digit_refuses_a_bad_base():
    with pytest.raises(ValueError, match="seven digits"):
        identifiers.edrpou_check_digit("12345")


@pytest.mark.parametrize(
    ("iban", "valid"),
    [
        # DOMAIN.md ID-08's worked example, and one digit changed
        ("UA213223130000026007233566001", True),
        ("UA213223130000026007233566002", False),
        ("UA21322313000002600723356600", False),  # 28 characters
        ("DE89370400440532013000", False),  # valid, but not Ukrainian
        ("UA2132231300000260072335660X1", False),
        ("UAXX3223130000026007233566001", False),
    ],
)
def test_ua_iban_is_valid(iban, valid):
    assert identifiers.ua_iban_is_valid(iban) is valid


def test_iban_normalise_drops_spaces_and_raises_letters():
    assert identifiers.iban_normalise(" ua21 3223 1300 0002 6007 2335 6600 1 ") == (
        "UA213223130000026007233566001"
    )
