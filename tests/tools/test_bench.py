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


def test_the_report_gives_the_nlu_alone_against_the_baseline_and_its_target():
    from tools.bench import add_ratios, check_targets, markdown

    def run(concurrency, pause, median):
        return {"concurrency": concurrency, "pause_s": pause, "messages": 10, "failed": 0, "median_ms": median,
                "p95_ms": 2 * median, "messages_per_second": 1000 / median}

    runs = [run(1, 0.0, 30), run(20, 0.0, 60), run(100, 0.0, 90), run(20, 5.0, 40)]
    results = {"date": "2026-12-04 16:30", "training_seconds": {"ours": 160, "baseline": 400},
               "profiles": {name: {"runs": [dict(r) for r in runs], "memory_mb": {"rasa": 1300}}
                            for name in ("embedded", "baseline", "production")},
               "nlu": {"ours": {"messages": 327, "median_ms": 3.9, "p95_ms": 5.2},
                       "baseline": {"messages": 327, "median_ms": 13.0, "p95_ms": 20.0}}}
    add_ratios(results)
    results["targets"] = check_targets(results)
    assert results["targets"]["NLU seule, médiane par message (ms)"] == ("< 5", 3.9)
    assert "| notre pipeline | 3.9 | 5.2 | 0.3 |" in markdown(results)
