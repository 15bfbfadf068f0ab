"""`python -m bot indicators`: the dashboard's figures for scheduled reports."""
from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, timezone

from bot.config import get_config
from bot.indicators import labels
from bot.indicators.queries import TABLE_KEYS, Filters, compute
from bot.indicators.report import table_csv, tables_csv, tables_json, tables_markdown
from bot.indicators.tracker import refresh_from_environment
from bot.storage import get_engine, migrate

def indicators(args: argparse.Namespace) -> int:
    config = get_config()
    try:
        filters = Filters(date.fromisoformat(args.start), date.fromisoformat(args.end), args.channel, args.branch,
                          config.opening_hours.timezone)
    except ValueError as error:
        print(f"période invalide : {error} (dates au format AAAA-MM-JJ)", file=sys.stderr)
        return 2
    if args.table and args.table not in TABLE_KEYS:
        print(f"tableau inconnu « {args.table} » (attendu : {', '.join(TABLE_KEYS)})", file=sys.stderr)
        return 2
    migrate()
    engine = get_engine()
    if not args.no_refresh:
        refresh_from_environment(engine, config.opening_hours.timezone)
    with engine.connect() as connection:
        tables = compute(connection, filters, config, datetime.now(timezone.utc),
                         only=[args.table] if args.table else None, titles=labels.template_titles(engine))
    if args.format == "json":
        output = tables_json(tables, filters)
    elif args.format == "csv":
        output = table_csv(tables[args.table]) if args.table else tables_csv(tables.values())
    else:
        output = tables_markdown(tables.values(), filters, config.name)
    sys.stdout.write(output if output.endswith("\n") else output + "\n")
    return 0
