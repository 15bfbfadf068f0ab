"""NLU components of the assistant, plugged into Rasa's graph through `config.yml`.

The data is small (a dozen examples for each of ~120 answer templates, a few dozen for each
conversation intent) and written like people write: typos, no accents, SMS spelling. Linear
models on character and word n-grams of accent-folded text classify it better than Rasa's
neural DIETClassifier and ResponseSelector on the held-out set, and train in seconds instead
of minutes on two cores.
"""
