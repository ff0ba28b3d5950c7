//! Stream mode: one output line for every input line, in order, whatever
//! the line holds.

mod common;

use serde_json::Value;

#[test]
fn ten_thousand_lines_give_ten_thousand_lines_in_order() {
    // 1 MB of correct copy with one wrong figure at its end.
    let big = "Wagner has about 50,000 personnel. ".repeat(30_000) + "Wagner has 80,000 personnel.";
    assert!(big.len() > 1_000_000);
    let mut input = String::new();
    let mut expect = Vec::new();
    for i in 0..10_000 {
        let line = match i % 10 {
            0 => "{\"id\": ".to_string() + &i.to_string() + ", \"text\": \"Wagner has", // malformed JSON
            1 => format!("{{\"id\": {i}}}"),                                            // no text
            2 => format!("{{\"id\": {i}, \"text\": \"\"}}"), // empty text
            3 => format!("{{\"id\": {i}, \"text\": 42}}"),   // text not a string
            4 => format!("{{\"id\": {i}, \"text\": \"x\", \"date\": \"yesterday\"}}"), // bad date
            5 if i % 3000 == 5 => format!("{{\"id\": {i}, \"text\": \"{big}\"}}"), // 1 MB
            6 => format!(
                "{{\"id\": {i}, \"text\": \"**80,000** Wagner personnel\", \"format\": \"markdown\", \"date\": \"2023-01-15\", \"story\": \"wagner-north-korea\"}}"
            ),
            7 => "[1, 2, 3]".to_string(),
            _ => format!("{{\"id\": \"doc-{i}\", \"text\": \"Wagner has 80,000 personnel.\"}}"),
        };
        expect.push(i);
        input.push_str(&line);
        input.push('\n');
    }
    let out = common::run(&["check", "--jsonl"], Some(input.as_bytes()));
    // The wrong figures fail the stream as they would fail `check`.
    assert_eq!(common::code(&out), 1, "{}", common::stderr(&out));
    let lines: Vec<Value> = common::stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect();
    assert_eq!(lines.len(), 10_000);
    for (i, line) in expect.into_iter().zip(&lines) {
        let id = &line["id"];
        match i % 10 {
            0 | 7 => {
                assert!(id.is_null());
                assert!(line["error"].is_string());
            }
            1..=4 => {
                assert_eq!(id, &Value::from(i), "line {i}: {line}");
                assert!(line["error"].is_string() || i % 10 == 2, "line {i}: {line}");
            }
            5 if i % 3000 == 5 => {
                assert_eq!(id, &Value::from(i));
                let findings = line["findings"].as_array().expect("findings");
                assert_eq!(findings.len(), 1, "line {i}");
                let at = big.len() - "80,000 personnel.".len();
                assert_eq!(findings[0]["start"], at);
            }
            6 => {
                let f = &line["findings"][0];
                assert_eq!(f["code"], "NC101", "line {i}: {line}");
                assert_eq!(f["column"], 3, "emphasis is markup: {line}");
            }
            _ => {
                assert_eq!(id, &Value::from(format!("doc-{i}")), "line {i}: {line}");
                assert_eq!(line["findings"][0]["code"], "NC101");
            }
        }
        if i % 10 == 2 {
            assert_eq!(
                line["findings"].as_array().map(Vec::len),
                Some(0),
                "line {i}: {line}"
            );
        }
    }
}
