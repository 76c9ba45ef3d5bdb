import math
import random

from teaching.text import passphrases


def test_words_are_short_lowercase_and_unique():
    assert all(w.isalpha() and w.islower() and 3 <= len(w) <= 8 for w in passphrases.WORDS)
    assert len(set(passphrases.WORDS)) == len(passphrases.WORDS)


def test_four_words_and_a_number_give_more_than_40_bits():
    expected = 4 * math.log2(len(passphrases.WORDS)) + math.log2(90)
    assert passphrases.entropy_bits() == expected > 40


def test_passphrase_shape():
    rng = random.Random(7)
    phrase = passphrases.passphrase(choice=rng.choice)
    *words, number = phrase.split("-")
    assert len(words) == 4 and set(words) <= set(passphrases.WORDS)
    assert 10 <= int(number) <= 99
