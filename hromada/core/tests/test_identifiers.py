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
