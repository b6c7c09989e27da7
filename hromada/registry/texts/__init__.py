# Phrases stay whole, one per line, so that they can be read and grepped.
# ruff: noqa: E501
"""Made-up acts in the language of Ukrainian council decisions.

For the demo city and the benchmark: titles and texts that read like a
council's, on the usual topics, each with its own words, so that a search
for «ліфтів» finds a few acts and one for «рішення» finds most. Nothing
here is a real act; officials' names are invented.
"""

import random
from collections.abc import Callable

from hromada.registry.models import ActKind
from hromada.registry.texts.particulars import (
    DETAILS,
    ENTERPRISES,
    INITIALS,
    POSITIONS,
    STREETS,
    SURNAMES,
)
from hromada.registry.texts.topics import TOPIC_EDUCATION, TOPICS, Topic

__all__ = [
    "DETAILS",
    "ENTERPRISES",
    "INITIALS",
    "POSITIONS",
    "PREAMBLE",
    "STREETS",
    "SURNAMES",
    "TOPICS",
    "TOPIC_EDUCATION",
    "Topic",
    "act_paragraphs",
    "act_text",
    "act_title",
]

PREAMBLE = (
    "Відповідно до статей 25, 26 Закону України «Про місцеве самоврядування "
    "в Україні», розглянувши пропозиції виконавчих органів, ВИРІШЕНО:"
)

_PREAMBLES = (
    "Відповідно до статей 25, 26 Закону України «Про місцеве самоврядування в Україні»",
    "Керуючись статтею 26 Закону України «Про місцеве самоврядування в Україні», Бюджетним кодексом України",
    "Відповідно до статті 40 Закону України «Про місцеве самоврядування в Україні»",
    "Керуючись статтею 42 Закону України «Про місцеве самоврядування в Україні»",
)
# Each is followed by a goal in the genitive: «з метою поліпшення …».
_CONNECTORS = (
    "з метою",
    "для",
    "в інтересах",
)
_GOALS = (
    "поліпшення умов життя мешканців громади",
    "ефективного використання комунального майна",
    "забезпечення прозорості діяльності органів місцевого самоврядування",
    "виконання повноважень, визначених законом",
    "сталого розвитку територіальної громади",
    "належного утримання об'єктів комунальної інфраструктури",
)
_CLOSING = (
    "Оприлюднити це рішення на офіційному вебсайті міської ради.",
    "Рішення набирає чинності з дня його оприлюднення.",
    "Визнати таким, що втратило чинність, попереднє рішення з цього питання.",
)
_SIGNERS = {
    ActKind.COUNCIL_DECISION: ("Міський голова", "Олена КОВАЛЕНКО"),
    ActKind.EXECUTIVE_DECISION: ("Міський голова", "Олена КОВАЛЕНКО"),
    ActKind.MAYOR_ORDER: ("Міський голова", "Олена КОВАЛЕНКО"),
    ActKind.ORDER: ("Начальник відділу", "Ігор МЕЛЬНИК"),
    ActKind.OTHER: ("Секретар міської ради", "Тарас БОНДАР"),
}
_DECIDES = {
    ActKind.COUNCIL_DECISION: "міська рада ВИРІШИЛА:",
    ActKind.EXECUTIVE_DECISION: "виконавчий комітет міської ради ВИРІШИВ:",
    ActKind.MAYOR_ORDER: "ЗОБОВ'ЯЗУЮ:",
    ActKind.ORDER: "НАКАЗУЮ:",
    ActKind.OTHER: "ВИРІШИЛИ:",
}


def act_title(rng: random.Random, *, topic: Topic, year: int) -> str:
    """A title of the topic for an act of ``year``."""
    return rng.choice(topic.titles).format(year=year, next=year + 1)


def act_text(
    rng: random.Random, *, topic: Topic, kind: ActKind, words: int = 300
) -> str:
    """A text of about ``words`` words: preamble, numbered points, the
    topic's appendix for long acts, control and the signature."""
    paragraphs = [
        f"{rng.choice(_PREAMBLES)}, {rng.choice(_CONNECTORS)} {rng.choice(_GOALS)}, "
        f"{_DECIDES[kind]}"
    ]
    point = 0
    while _count(paragraphs) < words - 40:
        point += 1
        paragraphs.append(f"{point}. {_sentence(rng, topic)}.")
        if point % 6 == 0:
            paragraphs.append(_appendix_paragraph(rng, topic))
    paragraphs.append(f"{point + 1}. {rng.choice(_CLOSING)}")
    paragraphs.append(
        f"{point + 2}. Контроль за виконанням цього рішення покласти на постійну "
        f"комісію {topic.committee}."
    )
    title, name = _SIGNERS[kind]
    paragraphs.append(f"{title}    {name}")
    return "\n\n".join(paragraphs)


def _sentence(rng: random.Random, topic: Topic) -> str:
    first = rng.choice(topic.phrases)
    sentence = first[0].upper() + first[1:]
    if rng.random() < 0.5:
        sentence += f" {rng.choice(_CONNECTORS)} {rng.choice(_GOALS)}"
    return sentence


def _appendix_paragraph(rng: random.Random, topic: Topic) -> str:
    parts = [rng.choice(topic.phrases) for _ in range(rng.randint(3, 6))]
    return "; ".join(parts).capitalize() + "."


def _count(paragraphs: list[str]) -> int:
    return sum(len(paragraph.split()) for paragraph in paragraphs)


def act_paragraphs(
    rng: random.Random,
    *,
    topic: Topic,
    kind: ActKind,
    words: int,
    detail: Callable[[], str],
) -> list[str]:
    """Paragraphs of a text of about ``words`` words, as ``act_text``
    writes them, with ``detail()`` (a sentence of particulars) in every
    third point and now and then a phrase of another topic.

    Words are counted as paragraphs are added: a million acts are written
    this way (bench/registry.py).
    """
    opening = (
        f"{rng.choice(_PREAMBLES)}, {rng.choice(_CONNECTORS)} {rng.choice(_GOALS)}, "
        f"{_DECIDES[kind]}"
    )
    paragraphs, count, point = [opening], len(opening.split()), 0
    while count < words - 40:
        point += 1
        if point % 3 == 0:
            body = detail()
        else:
            source = topic if rng.random() < 0.95 else rng.choice(TOPICS)
            body = _sentence(rng, source)
        paragraphs.append(f"{point}. {body[0].upper()}{body[1:]}.")
        count += body.count(" ") + 2
        if point % 6 == 0:
            paragraphs.append(_appendix_paragraph(rng, topic))
            count += paragraphs[-1].count(" ") + 1
    paragraphs.append(f"{point + 1}. {rng.choice(_CLOSING)}")
    paragraphs.append(
        f"{point + 2}. Контроль за виконанням цього рішення покласти на постійну "
        f"комісію {topic.committee}."
    )
    title, name = _SIGNERS[kind]
    paragraphs.append(f"{title}    {name}")
    return paragraphs
