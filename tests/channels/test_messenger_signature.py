import hashlib
import hmac

from bot.channels.messenger import is_signed_by

BODY = b'{"object":"page","entry":[]}'
SECRET = "synthetic-test-secret"


def sign(digest, secret=SECRET, body=BODY):
    return f"{digest().name}=" + hmac.new(secret.encode(), body, digest).hexdigest()


def test_sha256_signature_is_accepted():
    assert is_signed_by(SECRET, BODY, {"X-Hub-Signature-256": sign(hashlib.sha256)})


def test_legacy_sha1_signature_is_accepted():
    assert is_signed_by(SECRET, BODY, {"X-Hub-Signature": sign(hashlib.sha1)})


def test_wrong_secret_tampered_body_or_missing_header_are_refused():
    assert not is_signed_by(SECRET, BODY, {"X-Hub-Signature-256": sign(hashlib.sha256, secret="other")})
    assert not is_signed_by(SECRET, BODY + b" ", {"X-Hub-Signature-256": sign(hashlib.sha256)})
    assert not is_signed_by(SECRET, BODY, {})
    assert not is_signed_by("", BODY, {"X-Hub-Signature-256": sign(hashlib.sha256, secret="")})


def test_header_naming_another_algorithm_is_refused():
    forged = "md5=" + hmac.new(SECRET.encode(), BODY, hashlib.md5).hexdigest()
    assert not is_signed_by(SECRET, BODY, {"X-Hub-Signature-256": forged})
