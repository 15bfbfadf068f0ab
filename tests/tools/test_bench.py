"""The benchmark's baseline is the configuration `rasa init` ships, written out."""
import yaml

from tools.bench import baseline_config


def test_the_baseline_is_rasa_inits_default_pipeline_and_policies_with_fewer_epochs(tmp_path):
    config = yaml.safe_load(baseline_config(tmp_path / "baseline.yml", epochs=7).read_text())
    pipeline = [c["name"] for c in config["pipeline"]]
    assert pipeline == ["WhitespaceTokenizer", "RegexFeaturizer", "LexicalSyntacticFeaturizer", "CountVectorsFeaturizer",
                        "CountVectorsFeaturizer", "DIETClassifier", "EntitySynonymMapper", "ResponseSelector",
                        "FallbackClassifier"]
    assert [p["name"] for p in config["policies"]] == ["MemoizationPolicy", "TEDPolicy", "RulePolicy"]
    trained = {c["name"]: c["epochs"] for c in (*config["pipeline"], *config["policies"]) if "epochs" in c}
    assert trained == {"DIETClassifier": 7, "ResponseSelector": 7, "TEDPolicy": 7}
    assert config["language"] == "fr" and config["importers"] == [{"name": "bot.rasa_extensions.CaisseImporter"}]
