from bot.nlu._text import normalise


def test_dotted_acronyms_read_as_the_plain_ones():
    assert normalise("A quoi sert l'A.E.E.H. ?") == normalise("A quoi sert l'AEEH ?")
    assert normalise("la C.A.F") == "la caf"
    assert normalise("U.R.S.S.A.F.") == "urssaf"


def test_abbreviations_and_numbers_keep_their_dots():
    assert normalise("p.ex. le RSA") == "p.ex. le rsa"
    assert normalise("1.5 ans, M. Martin") == "1.5 ans, m. martin"
    assert normalise("Où  EN est") == "ou en est"
