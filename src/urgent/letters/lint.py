"""A politeness lint for appeal letters, in every language we write.

Amnesty's letter-writing guidance: be brief, factual, polite and
non-political; respect the addressee. A generated letter must not insult,
shout (a sentence in capitals, exclamation marks) or chant slogans.
"""

from __future__ import annotations

import re

from urgent.letters.compose import Letter

# Words that insult or condemn the addressee, by language.
INSULTS = {
    "en": r"\b(?:shame|shameful|disgrace(?:ful)?|criminal regime|regime|tyrant|dictator|butcher|murderer|monster|"
    r"evil|corrupt|liar|lies|barbaric|savage|thug|puppet|stupid|idiot)\b",
    "fr": r"\b(?:honte|honteux|régime criminel|régime|tyran|dictateur|boucher|assassin|monstre|corrompu|menteur|"
    r"barbare|idiot)\b",
    "es": r"\b(?:vergüenza|vergonzoso|régimen|tirano|dictador|carnicero|asesino|monstruo|corrupto|mentiroso|"
    r"bárbaro|idiota)\b",
    "de": r"\b(?:schande|schändlich|regime|tyrann|diktator|schlächter|mörder|monster|korrupt|lügner|barbarisch|"
    r"idiot)\b",
    "zh": r"(?:可耻|无耻|独裁者|暴君|刽子手|凶手|政权|邪恶|腐败|骗子|野蛮|白痴|走狗)",
    "ko": r"(?:수치|파렴치|독재자|폭군|살인자|정권|사악|부패|거짓말쟁이|야만|바보|꼭두각시)",
}
# Slogans and chants.
SLOGANS = {
    "en": r"\b(?:free \w+ now|down with|long live|stop the killing now|no justice,? no peace)\b",
    "fr": r"\b(?:libérez \w+ maintenant|à bas|vive la)\b",
    "es": r"\b(?:libertad ya|abajo el|viva la)\b",
    "de": r"\b(?:freiheit jetzt|nieder mit|es lebe)\b",
    "zh": r"(?:打倒|万岁)",
    "ko": r"(?:타도|만세)",
}


def lint(letter: Letter) -> list[str]:
    """What in a letter breaks the guidance (empty when it is polite)."""
    problems = []
    text = letter.body()
    lang = letter.language
    for name, table in (("insult", INSULTS), ("slogan", SLOGANS)):
        m = re.search(table[lang], text, re.IGNORECASE)
        if m:
            problems.append(f"{name}: {m.group()!r}")
    if "!" in text or "！" in text:
        problems.append("exclamation mark")
    for sentence in letter.sentences:
        letters = re.sub(r"[^A-Za-zÀ-ÿ]", "", sentence.text)
        if len(letters) >= 12 and letters.isupper():
            problems.append(f"sentence in capitals: {sentence.text[:40]!r}")
    return problems
