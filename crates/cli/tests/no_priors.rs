//! No priors: a country's score comes only from the evidence in the store. Mali is scored
//! toward Russia by the seeds; in a corpus where it signs with Washington and expels Russia's
//! instructors, its score must follow that evidence.

mod common;

use common::Sandbox;

#[test]
fn mali_turning_to_the_united_states_scores_toward_the_west() {
    let sb = Sandbox::new();
    let corpus = [
        r#"{"url":"https://example.org/cf/1","source":"Counterfactual Wire","published":"2025-03-04","text":"On 3 March 2025, Mali signed a defence cooperation agreement with the United States in Bamako, opening the way for American military advisers."}"#,
        r#"{"url":"https://example.org/cf/2","source":"Sahel Monitor","published":"2025-03-10","text":"Mali's transitional government expelled the Russian military instructors on 9 March 2025 and ordered Africa Corps personnel to leave the country within two weeks."}"#,
        r#"{"url":"https://example.org/cf/3","source":"Bamako Daily","published":"2025-03-20","text":"Le Mali a signé le 19 mars 2025 un accord de formation militaire avec les États-Unis, a annoncé le ministre de la Défense à Bamako."}"#,
    ]
    .join("\n");
    let file = sb.write("counterfactual.jsonl", corpus.as_bytes());
    sb.ok(&["ingest", file.to_str().unwrap()]);
    let scores = sb.json(&["scores", "--country", "ML", "--format", "json"]);
    let mali = &scores.as_array().unwrap()[0];
    let score = mali["score"].as_u64().expect("Mali has a score");
    assert!(
        score <= 2,
        "Mali's score is {score} on pro-Western evidence: {mali}"
    );
    assert!(mali["index"].as_f64().unwrap() < 0.0);
}
