//! OpenCC's own Traditional-to-Simplified regression cases (`tests/data/t2s_family.json`,
//! Apache-2.0, from BYVoid/OpenCC) run through [`OpenccConverter`].

use zhengling_normalize::{Converter, OpenccConfig, OpenccConverter};

#[test]
fn opencc_t2s_family_cases() {
    let json: serde_json::Value =
        serde_json::from_str(include_str!("data/t2s_family.json")).unwrap();
    let mut passed = 0;
    let mut failed = Vec::new();
    let mut converters = std::collections::HashMap::new();
    for case in json["cases"].as_array().unwrap() {
        let input = case["input"].as_str().unwrap();
        for (config, expected) in case["expected"].as_object().unwrap() {
            let cfg = OpenccConfig::from_name(config).unwrap();
            let cc = converters.entry(cfg).or_insert_with(|| OpenccConverter::new(cfg).unwrap());
            let out = cc.to_simplified(input);
            if out.text == expected.as_str().unwrap() {
                passed += 1;
            } else {
                failed.push(format!("{config}: {input} -> {} (want {expected})", out.text));
            }
            // The map always covers the output and stays in the input.
            let (s, e) = out.map.source_range(0, out.text.len()).unwrap();
            assert!(s <= e && e <= input.len());
        }
    }
    assert_eq!(passed + failed.len(), 169);
    assert!(passed >= 160, "{passed}/169 passed; failures:\n{}", failed.join("\n"));
}
