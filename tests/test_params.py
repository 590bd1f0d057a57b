"""Validation of report parameters (analysis.params)."""

import datetime as dt

import pytest

from analysis.params import DEFAULTS, ParameterError, Params, load_params_file, validate


def test_defaults_are_valid():
    params = validate({})
    assert isinstance(params, Params)
    assert params.corpus == ("seeds",)
    assert params.output == "report"
    assert params.title == DEFAULTS["title"]


def test_valid_params_pass_and_are_normalised():
    params = validate(
        {
            "corpus": ["seeds/*.txt"],
            "start_date": "2021-06-01",
            "end_date": "2021-07-31",
            "countries": ["PAK", "rus"],
            "organisations": ["sco", "IOM"],
            "principals": ["趙克志", "Xu Ganlu"],
            "topics": ["terrorism"],
            "title": "Summer 2021",
            "output": "summer_2021",
        }
    )
    assert params.start_date == dt.date(2021, 6, 1)
    assert params.countries == ("PAK", "RUS")
    assert params.organisations == ("SCO", "IOM")
    assert params.to_notebook()["start_date"] == "2021-06-01"
    assert params.to_notebook()["countries"] == ["PAK", "RUS"]


def test_params_are_frozen():
    with pytest.raises(AttributeError):
        validate({}).output = "other"


def test_unknown_name_suggests_closest():
    with pytest.raises(ParameterError, match=r"unknown parameter 'countires': did you mean 'countries'\?"):
        validate({"countires": ["PAK"]})


def test_unknown_name_without_close_match_lists_known_names():
    with pytest.raises(ParameterError, match=r"unknown parameter 'zzz': Known parameters: corpus"):
        validate({"zzz": 1})


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("countries", "PAK", "countries must be a list of non-empty strings"),
        ("principals", [1, 2], "principals must be a list of non-empty strings"),
        ("corpus", "seeds", "corpus must be a list"),
        ("start_date", 20210601, "start_date must be an ISO date"),
        ("end_date", "01/07/2021", "end_date must be an ISO date"),
        ("title", 3, "title must be a non-empty string"),
        ("output", "my report", "output must be a name made of letters"),
        ("topics", 5, "topics must be null, a list of topic names or the path"),
    ],
)
def test_wrong_type_names_parameter(name, value, message):
    with pytest.raises(ParameterError, match=message):
        validate({name: value})


def test_impossible_date():
    with pytest.raises(ParameterError, match=r"start_date '2021-02-30' is not a real date"):
        validate({"start_date": "2021-02-30"})


def test_start_after_end():
    with pytest.raises(ParameterError, match="start_date 2021-08-01 is after end_date 2021-07-01"):
        validate({"start_date": "2021-08-01", "end_date": "2021-07-01"})


def test_unknown_country_code():
    with pytest.raises(ParameterError, match=r"unknown country code 'XYZ'.*alpha-3"):
        validate({"countries": ["XYZ"]})


def test_alpha2_country_code_gets_alpha3_hint():
    with pytest.raises(ParameterError, match=r"use 'PAK' instead"):
        validate({"countries": ["PK"]})


def test_corpus_entry_must_match_files():
    with pytest.raises(ParameterError, match=r"corpus entry 'no/such/\*.txt' matches no .txt file"):
        validate({"corpus": ["no/such/*.txt"]})


def test_topics_lexicon_path_must_exist():
    with pytest.raises(ParameterError, match="existing .yaml/.yml lexicon"):
        validate({"topics": "missing.yaml"})


def test_organisation_codes_are_short_codes():
    with pytest.raises(ParameterError, match="organisations: 'United Nations' is not a short code"):
        validate({"organisations": ["United Nations"]})


def test_load_params_file(tmp_path):
    path = tmp_path / "params.yaml"
    path.write_text(
        "corpus: [seeds]\n"
        "start_date: 2021-07-01\n"  # unquoted: YAML would make this a date; it stays text
        "countries: [PAK]\n"
        "title: 公安部 2021\n"
        "output: july\n",
        encoding="utf-8",
    )
    params = load_params_file(path)
    assert params.start_date == dt.date(2021, 7, 1)
    assert params.countries == ("PAK",)
    assert params.title == "公安部 2021"
    assert params.output == "july"


def test_load_params_file_reports_bad_unquoted_date(tmp_path):
    path = tmp_path / "params.yaml"
    path.write_text("start_date: 2021-02-30\n", encoding="utf-8")
    with pytest.raises(ParameterError, match="start_date '2021-02-30' is not a real date"):
        load_params_file(path)


def test_load_params_file_empty_gives_defaults(tmp_path):
    path = tmp_path / "params.yaml"
    path.write_text("", encoding="utf-8")
    assert load_params_file(path) == validate({})


@pytest.mark.parametrize(
    ("text", "message"),
    [("- corpus\n", "must hold a mapping"), ("corpus: [seeds\n", "invalid YAML")],
)
def test_load_params_file_rejects_bad_files(tmp_path, text, message):
    path = tmp_path / "params.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ParameterError, match=message):
        load_params_file(path)


def test_load_params_file_missing(tmp_path):
    with pytest.raises(ParameterError, match="cannot read parameters file"):
        load_params_file(tmp_path / "absent.yaml")


@pytest.mark.parametrize(
    ("text", "where", "problem"),
    [
        ("corpus: [seeds]\ntitle: a: b\n", "line 2, column 9", "mapping values are not allowed here"),
        ("countries: [PAK\noutput: x\n", "line 2, column 7",
         "expected ',' or ']', but got ':' (while parsing a flow sequence started on line 1)"),
        ("title: x\n\toutput: y\n", "line 2, column 1", "found character '\\t' that cannot start any token"),
    ],
)
def test_invalid_yaml_is_one_line_naming_file_line_and_problem(tmp_path, text, where, problem):
    path = tmp_path / "params.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ParameterError) as caught:
        load_params_file(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"parameters file {path}, {where}: invalid YAML: {problem}")


def test_compare_to_defaults_to_none_and_is_passed_to_notebooks():
    assert validate({}).compare_to is None
    assert validate({}).to_notebook()["compare_to"] is None
