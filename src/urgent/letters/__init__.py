"""Appeal letters: one target, one language, as text, e-mail or PDF.

from urgent.letters import compose, facts_from_record, Sender
letter = compose(facts_from_record(record), target=0, language="ko", sender=Sender("Ana", "Porto", "Portugal"))
"""

from urgent.letters.bank import LANGUAGES
from urgent.letters.compose import Letter, Sender, Sentence, compose
from urgent.letters.facts import Facts, asks_for, facts_from_record

__all__ = ["LANGUAGES", "Facts", "Letter", "Sender", "Sentence", "asks_for", "compose", "facts_from_record"]
