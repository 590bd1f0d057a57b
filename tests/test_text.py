"""The shared text helpers that keep state: jieba's dictionary, loaded from the project's cache."""

from __future__ import annotations

import jieba
import pytest

from analysis import text


@pytest.fixture
def fresh_jieba(monkeypatch, tmp_path):
    """jieba's default tokenizer not yet loaded, and an empty cache folder."""
    monkeypatch.setattr(jieba, "dt", jieba.Tokenizer())
    monkeypatch.setattr(text, "JIEBA_CACHE", tmp_path / "jieba")
    text.jieba_tokenizer.cache_clear()
    yield tmp_path / "jieba"
    text.jieba_tokenizer.cache_clear()


def test_jieba_dictionary_from_the_cache_is_jiebas_own(fresh_jieba):
    own = jieba.Tokenizer()
    own.initialize()
    first = text.jieba_tokenizer()  # loads jieba's dictionary, writes the cache
    assert [path.suffix for path in fresh_jieba.iterdir()] == [".pickle"]
    jieba.dt = jieba.Tokenizer()
    text.jieba_tokenizer.cache_clear()
    second = text.jieba_tokenizer()  # reads the cache
    assert second is jieba.dt and second is not first and second.initialized
    assert second.total == own.total and second.FREQ == own.FREQ
    assert list(second.cut("防疫情况", HMM=False)) == ["防疫", "情况"]


def test_a_damaged_jieba_cache_is_rebuilt(fresh_jieba):
    text.jieba_tokenizer()
    (cache,) = fresh_jieba.iterdir()
    cache.write_bytes(b"not a pickle")
    jieba.dt = jieba.Tokenizer()
    text.jieba_tokenizer.cache_clear()
    assert len(text.jieba_tokenizer().FREQ) > 300_000
    assert cache.read_bytes() != b"not a pickle"
