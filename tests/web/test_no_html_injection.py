"""A person's message may hold <script> or <img onerror=…>: the agents' console, the dashboard
and the widget show it as text. The scripts never build HTML from strings (only textContent and
createElement), and the pages are autoescaped Jinja; the back office's CSP (tested with the
security headers) forbids inline scripts as a second line of defence."""
import re

from bot.config import PROJECT_ROOT, get_config
from bot.web.pages import Pages

STATIC = PROJECT_ROOT / "bot" / "web" / "static"
HTML_SINKS = re.compile(r"\.(innerHTML|outerHTML)\s*[+]?=|insertAdjacentHTML|document\.write|\beval\(|new Function\(")


def test_no_script_builds_html_from_strings():
    for script in sorted(STATIC.glob("*.js")):
        sinks = [line.strip() for line in script.read_text().splitlines() if HTML_SINKS.search(line)]
        assert not sinks, f"{script.name}: {sinks}"


def test_pages_escape_what_they_show():
    pages = Pages(get_config(), "http://localhost:5005")
    assert pages._env.autoescape("backoffice/console.html") is True
    assert pages._env.from_string("{{ text }}").render(text="<script>alert(1)</script>") == \
        "&lt;script&gt;alert(1)&lt;/script&gt;"
