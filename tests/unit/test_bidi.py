from desktop.fa.bidi import isolated


def test_a_path_is_wrapped_in_a_left_to_right_isolate() -> None:
    assert isolated("E:\\ارسال") == "\u2066E:\\ارسال\u2069"
    assert isolated("E:\\ارسال").strip("\u2066\u2069") == "E:\\ارسال"
