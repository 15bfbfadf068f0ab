"""The benchmark still runs end to end (on small data: timings are not asserted here)."""
from tools.demo.indicators import DemoSize
from bot.indicators.queries import INDICATORS
from tools.indicators_bench import run


def test_benchmark_reports_every_table(tmp_path):
    result = run(f"sqlite:///{tmp_path / 'bench.db'}", DemoSize(conversations=3000, handoffs=300, months=2),
                 reuse=False, runs=1)
    assert result["dialect"] == "sqlite"
    # The demo's comment threads handed to agents come on top of the chat handoffs asked for.
    assert result["conversations_in_period"] > 0 and result["stored_handoffs"] >= 300
    assert set(result["per_table_seconds"]) == set(INDICATORS)
    assert result["dashboard_cpu_seconds"]["server"] is None
