from bot.nlu._text import normalise


def test_dotted_acronyms_read_as_the_plain_ones():
    assert normalise("A quoi sert l'A.E.E.H. ?") == normalise("A quoi sert l'AEEH ?")
    assert normalise("la C.A.F") == "la caf"
    assert normalise("U.R.S.S.A.F.") == "urssaf"


def test_abbreviations_and_numbers_keep_their_dots():
    assert normalise("p.ex. le RSA") == "p.ex. le rsa"
    assert normalise("1.5 ans, M. Martin") == "1.5 ans, m. martin"
    assert normalise("Où  EN est") == "ou en est"


def test_the_fast_tfidf_gives_scikit_learns_numbers():
    import pickle

    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    from bot.nlu._text import FastTfidfVectorizer

    corpus = ["où en est mon dossier", "comment declarer ma grossesse a la caf", "allocations familiales 2 enfants",
              "je veux parler a un conseiller", "mon rib a changé, je fais comment", "c koi la prime d'activité"]
    messages = ["ou en est ma prime d'activité ?", "un mot jamais vu : zzyzx", "", "CAF CAF caf dossier dossier"]
    for options in ({"analyzer": "char_wb", "ngram_range": (2, 5), "sublinear_tf": True},
                    {"analyzer": "word", "ngram_range": (1, 2), "sublinear_tf": True, "token_pattern": r"(?u)\b\w+\b"},
                    {"analyzer": "word", "norm": None, "use_idf": False}):
        fast = pickle.loads(pickle.dumps(FastTfidfVectorizer(**options).fit(corpus)))
        expected = TfidfVectorizer(**options).fit(corpus).transform(messages).toarray()
        assert np.allclose(fast.transform(messages).toarray(), expected)
        assert np.allclose(fast.transform(messages).toarray(), expected)  # the cached idf gives the same


def test_the_fast_tfidf_forgets_its_idf_when_fitted_again():
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    from bot.nlu._text import FastTfidfVectorizer

    fast = FastTfidfVectorizer().fit(["caf dossier", "caf prime"])
    fast.transform(["caf"])
    other = ["caf caf dossier", "cpam arret", "cpam prime"]
    expected = TfidfVectorizer().fit(other).transform(["caf cpam prime"]).toarray()
    assert np.allclose(fast.fit(other).transform(["caf cpam prime"]).toarray(), expected)


def test_the_fast_union_stacks_the_same_features_as_scikit_learns():
    import numpy as np
    from sklearn.pipeline import FeatureUnion

    from bot.nlu._text import text_features

    texts = ["mon rsa est suspendu", "date de versement caf", "carte vitale perdue", "apl etudiant colocation"]
    fast = text_features().fit(texts)
    plain = FeatureUnion(fast.transformer_list)
    for text in ["rsa suspendu depuis mars ?", "jai perdu ma carte vitale"]:
        assert np.array_equal(fast.transform([text]).toarray(), plain.transform([text]).toarray())
    assert fast.transform(texts).shape == plain.transform(texts).shape
