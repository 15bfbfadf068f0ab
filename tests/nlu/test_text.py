from bot.nlu._text import normalise


def test_dotted_acronyms_read_as_the_plain_ones():
    assert normalise("A quoi sert l'A.E.E.H. ?") == normalise("A quoi sert l'AEEH ?")
    assert normalise("la C.A.F") == "la caf"
    assert normalise("U.R.S.S.A.F.") == "urssaf"


def test_abbreviations_and_numbers_keep_their_dots():
    assert normalise("p.ex. le RSA") == "p.ex. le rsa"
    assert normalise("1.5 ans, M. Martin") == "1.5 ans, m. martin"
    assert normalise("Où  EN est") == "ou en est"


def test_one_message_features_are_the_unions_own():
    import numpy as np

    from bot.nlu._text import OneMessageFeatures, text_features

    texts = ["mon rsa est suspendu", "date de versement caf", "carte vitale perdue", "apl etudiant colocation",
             "CAF CAF caf dossier dossier"]
    union = text_features().fit(texts)
    features = OneMessageFeatures(union)
    for text in ["rsa suspendu depuis mars ?", "jai perdu ma carte vitale", "", "zzyzx", "caf caf caf"]:
        expected = union.transform([text]).toarray()[0]
        columns, values = features.of(text)
        found = np.zeros(features.width)
        found[columns] = values
        assert np.allclose(found, expected, atol=1e-12)
