//! Share links (core/share_link): every version's committed fixture still opens the same draft,
//! every fixture survives draft → link → draft and draft → file → draft, and anything damaged,
//! newer or oversized is refused with a message, never a panic.

use proptest::prelude::*;

use ai_network_wizard::core::cloud::Cloud;
use ai_network_wizard::core::config_file::{from_config_json, to_config_json};
use ai_network_wizard::core::draft::{
    Bypass, CustomDomainDraft, DefaultAction, Draft, Existence, NetworkDraft, PublicNetworkAccess,
    SubnetInput, TargetDraft, VnetRuleDraft,
};
use ai_network_wizard::core::draft_json;
use ai_network_wizard::core::share_link::zlib;
use ai_network_wizard::core::share_link::{
    base_v2_text, link_asks, read_link, share_fragment, share_link, LinkError, MAX_FRAGMENT_CHARS,
};

use crate::support::{fixture, fixtures, fixtures_dir, wizard_cli};

fn links_dir() -> std::path::PathBuf {
    fixtures_dir().join("links")
}

fn read(name: &str) -> String {
    let path = links_dir().join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The draft every version's fixture was written from, spelled out field by field so that no
/// reader under test produces the expectation.
#[allow(clippy::field_reassign_with_default)]
fn versions_draft() -> Draft {
    // Field by field (not a struct literal), so that a field added later keeps its default.
    let mut network = NetworkDraft::default();
    network.enabled = true;
    network.public_network_access = PublicNetworkAccess::Enabled;
    network.default_action = DefaultAction::Deny;
    network.bypass = Bypass::AzureServices;
    network.ip_rules = vec!["203.0.113.0/24".into(), "198.51.100.7".into()];
    network.vnet_rules = vec![
        VnetRuleDraft {
            subnet_id: "/subscriptions/0b3d9c2e-7a41-4f6b-8e25-c91d4a7f3e60/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-apps/subnets/snet-api".into(),
            ..VnetRuleDraft::default()
        },
        VnetRuleDraft {
            input: SubnetInput::Parts,
            subscription_id: "5e8a1f47-2c9b-4d03-b6e1-7f4c2a9d8b15".into(),
            resource_group: "rg-partner".into(),
            vnet: "vnet-partner".into(),
            subnet: "snet-batch".into(),
            tenant_id: "9e8d7c6b-5a49-4382-9170-a1b2c3d4e5f6".into(),
            enable_service_endpoint: false,
            ..VnetRuleDraft::default()
        },
    ];
    Draft {
        target: TargetDraft {
            cloud: Cloud::AzureCloud,
            subscription_id: "0b3d9c2e-7a41-4f6b-8e25-c91d4a7f3e60".into(),
            resource_group: "rg-openai-prod (Zürich)".into(),
            resource_type: Default::default(),
            kind: "OpenAI".into(),
            sku: "S0".into(),
            name: "contoso-openai".into(),
            region: "swedencentral".into(),
            existence: Existence::Existing,
        },
        custom_domain: CustomDomainDraft {
            enabled: true,
            subdomain: "contoso-openai".into(),
            acknowledge_irreversible: true,
        },
        network,
        ..Draft::default()
    }
}

#[test]
fn version_1_links_and_files_still_open_the_same_draft() {
    // Written by the wizard before version 2: the configuration file on one line, URI-encoded.
    let link = read("v1-link.txt");
    assert!(link.starts_with("https://wizard.example/#config=%7B%22format%22"));
    assert_eq!(read_link(&link), Some(Ok(versions_draft())));
    assert_eq!(
        from_config_json(&read("v1-config.json")),
        Ok(versions_draft())
    );
}

#[test]
fn version_2_links_still_open_the_same_draft() {
    let link = read("v2-link.txt");
    assert_eq!(read_link(&link), Some(Ok(versions_draft())));
    // Its frozen base is never edited: a changed default would change what old links open.
    assert_eq!(base_v2_text(), read("base_v2.json"));
    let base = base_v2_draft();
    assert_eq!(read_link(&read("v2-empty-link.txt")), Some(Ok(base)));
}

#[test]
fn today_s_links_are_version_2_and_carry_only_what_differs() {
    let fragment = share_fragment(&versions_draft());
    assert!(fragment.starts_with("v2="), "{fragment}");
    assert!(fragment[3..]
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    let base = base_v2_draft();
    assert!(
        share_fragment(&base).len() < 20,
        "the base itself is an empty object"
    );
    let link = share_link(
        "https://wizard.example/app/?step=review#old",
        &versions_draft(),
    );
    assert_eq!(
        link,
        format!("https://wizard.example/app/?step=review#{fragment}")
    );
}

#[test]
fn every_fixture_round_trips_through_the_link_and_the_file() {
    for (name, draft) in fixtures() {
        let link = share_link("https://wizard.example/", &draft);
        assert_eq!(read_link(&link), Some(Ok(draft.clone())), "{name}: link");
        assert_eq!(
            from_config_json(&to_config_json(&draft)),
            Ok(draft.clone()),
            "{name}: file"
        );
    }
}

#[test]
fn link_lengths_stay_short() {
    let typical = share_link(
        "https://wizard.example/",
        &fixture("speech-two-office-ranges"),
    );
    let largest = share_link(
        "https://wizard.example/",
        &fixture("openai-100-ip-rules-3-subnets-two-subscriptions-bypass"),
    );
    eprintln!(
        "share link length: typical {} characters, largest fixture {} characters",
        typical.len(),
        largest.len()
    );
    assert!(typical.len() < 400, "typical link: {}", typical.len());
    assert!(largest.len() < 2_000, "largest link: {}", largest.len());
}

#[test]
fn other_fragments_are_not_share_links() {
    for text in [
        "",
        "#",
        "#step=review",
        "https://wizard.example/#top",
        "#v=1",
        "#vx=1",
        "{\"format\": 1}",
    ] {
        assert_eq!(read_link(text), None, "{text:?}");
    }
}

#[test]
fn a_link_from_a_newer_wizard_says_so() {
    let error = read_link("https://wizard.example/#v3=eJyrrgUAAXUA-Q")
        .unwrap()
        .unwrap_err();
    assert_eq!(error, LinkError::Newer(3));
    assert!(error
        .message()
        .contains("newer version of the wizard (link format 3; this page reads formats 1 to 2)"));
    assert!(error.message().contains("The current draft is kept"));
}

#[test]
fn an_oversized_link_is_refused_before_it_is_unpacked() {
    let huge = format!("#v2={}", "A".repeat(MAX_FRAGMENT_CHARS));
    let error = read_link(&huge).unwrap().unwrap_err();
    assert!(matches!(error, LinkError::TooLarge(n) if n == MAX_FRAGMENT_CHARS + 3));
    assert!(error
        .message()
        .contains("share the configuration file instead"));
}

#[test]
fn a_link_that_unpacks_to_megabytes_is_refused() {
    // 4 MB of spaces compress to a few kilobytes: a small link, an enormous configuration.
    let bomb = miniz_oxide_bomb();
    let error = read_link(&bomb).unwrap().unwrap_err();
    assert_eq!(
        error,
        LinkError::Damaged("it unpacks to more than a configuration can hold".into())
    );
}

fn miniz_oxide_bomb() -> String {
    // Built through the public API: a draft whose resource group is 4 MB of spaces.
    let mut draft = Draft::default();
    draft.target.resource_group = " ".repeat(4 * 1024 * 1024);
    let fragment = share_fragment(&draft);
    assert!(fragment.len() < MAX_FRAGMENT_CHARS, "{}", fragment.len());
    format!("#{fragment}")
}

#[test]
fn damaged_links_are_named_and_never_open_a_different_draft() {
    let draft = fixture("face-subnet-other-tenant");
    let link = format!("#{}", share_fragment(&draft));
    for cut in 4..link.len() {
        match read_link(&link[..cut]) {
            Some(Err(LinkError::Damaged(_))) => {}
            other => panic!("cut at {cut}: {other:?}"),
        }
    }
    for at in 4..link.len() {
        for replacement in ['A', 'z', '-', '%'] {
            let mut changed = link.clone();
            changed.replace_range(at..=at, &replacement.to_string());
            match read_link(&changed) {
                Some(Ok(opened)) => assert_eq!(opened, draft, "changed at {at}"),
                Some(Err(LinkError::Damaged(_))) => {}
                other => panic!("changed at {at}: {other:?}"),
            }
        }
    }
    let v1 = read("v1-link.txt");
    let cut = &v1[..v1.len() - 10];
    let error = read_link(cut).unwrap().unwrap_err();
    assert!(
        error
            .message()
            .starts_with("This share link is damaged (Not valid JSON"),
        "{}",
        error.message()
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: crate::support::cases(256), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_text_is_read_or_refused_without_a_panic(text in "(#|#v2=|#config=|v1=|)[ -~%é]{0,200}") {
        if let Some(Err(error)) = read_link(&text) {
            prop_assert!(!error.message().is_empty());
        }
    }

    #[test]
    fn any_bytes_after_the_version_are_refused_or_read_without_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let payload: String = bytes.iter().map(|b| char::from(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[usize::from(*b) % 64])).collect();
        let _ = read_link(&format!("#v2={payload}"));
    }
}

#[test]
fn every_output_s_header_reopens_the_draft_that_produced_it() {
    let drafts = fixtures();
    for rendered in crate::support::corpus() {
        let line = rendered
            .text
            .lines()
            .take(12)
            .find(|l| l.starts_with("#   #v2="))
            .unwrap_or_else(|| panic!("{}: no reopen line in the header", rendered.label()));
        let (_, draft) = drafts.iter().find(|(n, _)| *n == rendered.fixture).unwrap();
        assert_eq!(
            read_link(line.trim_start_matches("# ").trim()),
            Some(Ok(draft.clone())),
            "{}",
            rendered.label()
        );
    }
}

#[test]
fn the_command_line_prints_the_whole_link_when_told_the_wizard_s_address() {
    let path = fixtures_dir().join("speech-two-office-ranges.json");
    let output = wizard_cli(&[
        "render",
        path.to_str().unwrap(),
        "--target",
        "az-bash",
        "--date",
        "2026-11-22",
        "--app-url",
        "https://wizard.example/app/",
    ]);
    let script = String::from_utf8(output.stdout).unwrap();
    let link = script
        .lines()
        .find_map(|l| l.strip_prefix("#   https://wizard.example/app/#v2="))
        .expect("the header holds the whole link");
    assert_eq!(
        read_link(&format!("#v2={link}")),
        Some(Ok(fixture("speech-two-office-ranges")))
    );
    assert!(script.contains("# To reopen exactly this configuration in the wizard, open:\n"));
}

/// Inflates with miniz_oxide (the independent judge; the links' reader is the crate's own),
/// checking zlib's checksum.
fn inflate(packed: &[u8]) -> Vec<u8> {
    miniz_oxide::inflate::decompress_to_vec_zlib(packed).expect("a valid zlib stream")
}

/// Random bytes, then each text repeated so many times and followed by the bytes' start again:
/// long matches, short ones, and distances across the window.
fn with_repeats(bytes: &[u8], repeats: &[(String, usize)]) -> Vec<u8> {
    let mut data = bytes.to_vec();
    for (text, times) in repeats {
        data.extend(text.repeat(*times).bytes());
        data.extend(&bytes[..bytes.len().min(50)]);
    }
    data
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// The link's compressor writes streams any inflater reads back byte for byte: random bytes,
    /// text with long repeats (matches up to 258 bytes, distances across the window) and empty.
    #[test]
    fn the_compressor_s_output_inflates_to_its_input(
        bytes in proptest::collection::vec(any::<u8>(), 0..2000),
        repeats in proptest::collection::vec(("[a-d\"{}:,]{1,40}", 1usize..300), 0..30),
    ) {
        let data = with_repeats(&bytes, &repeats);
        let packed = zlib::compress(&data);
        prop_assert_eq!(inflate(&packed), data);
    }
}

#[test]
fn the_compressor_handles_a_long_input_and_matches_far_back() {
    // Over the 32 KiB window, with a block repeated from just inside and just outside it.
    let block: Vec<u8> = (0..1000u32).map(|i| (i * 7919 % 251) as u8).collect();
    let mut data = block.clone();
    data.extend((0..32_000u32).map(|i| (i * 31 % 256) as u8));
    data.extend(&block);
    data.extend(std::iter::repeat_n(b'x', 70_000));
    let packed = zlib::compress(&data);
    assert_eq!(inflate(&packed), data);
    assert!(packed.len() < 36_000, "{} bytes", packed.len());
}

#[test]
fn links_are_as_short_as_with_the_best_general_compressor() {
    // miniz_oxide at level 9 wrote the links before; a link's length is what people paste.
    // (Measured on the fixtures: 18,172 bytes against miniz_oxide's 18,153.)
    let mut ours_total = 0;
    let mut best_total = 0;
    for (name, draft) in fixtures() {
        let fragment = share_fragment(&draft);
        let packed =
            ai_network_wizard::core::share_link::base64url::decode(&fragment[3..]).unwrap();
        let json = inflate(&packed);
        let best = miniz_oxide::deflate::compress_to_vec_zlib(&json, 9).len();
        assert!(
            packed.len() <= best + best / 50 + 4,
            "{name}: {} bytes against {best}",
            packed.len()
        );
        ours_total += packed.len();
        best_total += best;
    }
    assert!(
        ours_total * 100 <= best_total * 101,
        "{ours_total} against {best_total} bytes in all"
    );
}

#[test]
fn code_lengths_stay_within_deflate_s_limits_and_form_complete_codes() {
    // Fibonacci frequencies make the deepest Huffman trees: 30 symbols would need 29 bits.
    let mut fibonacci = vec![1u32, 1];
    while fibonacci.len() < 30 {
        fibonacci.push(fibonacci[fibonacci.len() - 1] + fibonacci[fibonacci.len() - 2]);
    }
    let mut cases: Vec<(Vec<u32>, u8)> = vec![
        (fibonacci.clone(), 15),
        (fibonacci[..19].to_vec(), 7),
        (vec![0, 0, 5, 0], 15),
        (vec![0; 30], 15),
        (vec![7; 286], 15),
    ];
    cases.push((
        (0..286)
            .map(|i| if i % 3 == 0 { i * i } else { 0 })
            .collect(),
        15,
    ));
    for (frequencies, limit) in cases {
        let lengths = zlib::code_lengths(&frequencies, limit);
        assert_eq!(lengths.len(), frequencies.len());
        assert!(lengths.iter().all(|&l| l <= limit), "{lengths:?}");
        // Kraft: the codes fill the code space exactly (no inflater rejects a complete code).
        let kraft: f64 = lengths
            .iter()
            .filter(|&&l| l > 0)
            .map(|&l| 0.5f64.powi(i32::from(l)))
            .sum();
        assert!((kraft - 1.0).abs() < 1e-12, "{frequencies:?}: {lengths:?}");
        for (f, l) in frequencies.iter().zip(&lengths) {
            assert!(*f == 0 || *l > 0, "a symbol that occurs has a code");
        }
    }
}

#[test]
fn zlib_itself_reads_every_stream_we_write_and_we_read_every_stream_it_writes() {
    // zlib proper, through Python's zlib module: stricter than miniz_oxide.
    let mut samples: Vec<Vec<u8>> = fixtures()
        .into_iter()
        .map(|(_, draft)| {
            inflate(
                &ai_network_wizard::core::share_link::base64url::decode(
                    &share_fragment(&draft)[3..],
                )
                .unwrap(),
            )
        })
        .collect();
    samples.push(Vec::new());
    samples.push(b"a".to_vec());
    samples.push(
        (0..5000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
            .collect(),
    );
    samples.push(b"abc".repeat(20_000));
    let input: String = samples
        .iter()
        .map(|s| format!("{} {}\n", hex(&zlib::compress(s)), hex(s)))
        .collect();
    // Python checks each of our streams, and sends back its own at every level and strategy
    // (stored, fixed, Huffman-only, run-length and dynamic blocks) for our reader.
    let script = r#"
import sys, zlib
for n, line in enumerate(sys.stdin):
    packed, plain = line.split(' ')
    plain = bytes.fromhex(plain.strip())
    assert zlib.decompress(bytes.fromhex(packed)) == plain, n
    for level in (0, 1, 6, 9):
        for strategy in (zlib.Z_DEFAULT_STRATEGY, zlib.Z_FIXED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE):
            z = zlib.compressobj(level, zlib.DEFLATED, 15, 9, strategy)
            print((z.compress(plain) + z.flush()).hex(), plain.hex())
"#;
    let mut child = std::process::Command::new("python3")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs");
    // Written from another thread: Python answers while it reads, and a full pipe each way
    // would otherwise wait forever.
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        stdin.write_all(input.as_bytes()).unwrap();
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let theirs = String::from_utf8(output.stdout).unwrap();
    assert_eq!(theirs.lines().count(), samples.len() * 16);
    for line in theirs.lines() {
        let (packed, plain) = line.split_once(' ').unwrap();
        assert_eq!(
            zlib::decompress(&unhex(packed), usize::MAX),
            Ok(unhex(plain))
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(384))]

    /// The link reader inflates what miniz_oxide writes at every level (stored, fixed and
    /// dynamic blocks) and what the crate's own writer writes, byte for byte.
    #[test]
    fn the_reader_inflates_any_writer_s_stream(
        bytes in proptest::collection::vec(any::<u8>(), 0..1500),
        repeats in proptest::collection::vec(("[a-d\"{}:,]{1,40}", 1usize..200), 0..20),
        level in 0u8..=10,
    ) {
        let data = with_repeats(&bytes, &repeats);
        let theirs = miniz_oxide::deflate::compress_to_vec_zlib(&data, level);
        prop_assert_eq!(zlib::decompress(&theirs, usize::MAX), Ok(data.clone()));
        prop_assert_eq!(zlib::decompress(&zlib::compress(&data), usize::MAX), Ok(data));
    }

    /// A stream with any one bit flipped, or cut short, is refused (or, where the flip leaves a
    /// valid stream, read as a stream whose checksum matched), never a panic.
    #[test]
    fn a_damaged_stream_is_refused_without_a_panic(
        text in "[a-z{}\":,]{0,400}",
        flip in any::<usize>(),
        cut in any::<usize>(),
    ) {
        let stream = zlib::compress(text.as_bytes());
        let mut flipped = stream.clone();
        let bit = flip % (flipped.len() * 8);
        flipped[bit / 8] ^= 1 << (bit % 8);
        if let Ok(read) = zlib::decompress(&flipped, 1 << 20) {
            prop_assert_eq!(miniz_oxide::inflate::decompress_to_vec_zlib(&flipped).ok(), Some(read));
        }
        let short = &stream[..cut % stream.len()];
        prop_assert_eq!(zlib::decompress(short, 1 << 20), Err(zlib::InflateError::Damaged));
    }
}

#[test]
fn the_reader_stops_at_its_limit() {
    let data = vec![b'{'; 100_000];
    let stream = zlib::compress(&data);
    assert!(stream.len() < 1000, "a zip bomb in miniature");
    assert_eq!(
        zlib::decompress(&stream, 99_999),
        Err(zlib::InflateError::TooLarge)
    );
    assert_eq!(zlib::decompress(&stream, 100_000), Ok(data));
}

#[test]
fn the_reader_refuses_incomplete_codes_as_zlib_does() {
    // A dynamic block whose literal/length code leaves part of the code space unused: zlib says
    // "invalid literal/lengths set", miniz_oxide fails too (it came from a review's fuzzing).
    let stream = unhex("780105c0b16d1b0000c0b05bf5ff132208012500c3");
    assert!(miniz_oxide::inflate::decompress_to_vec_zlib(&stream).is_err());
    assert_eq!(
        zlib::decompress(&stream, 1 << 20),
        Err(zlib::InflateError::Damaged)
    );
}

/// The frozen base read as a whole draft, every field present.
fn base_v2_draft() -> Draft {
    let value = serde_json::from_str(base_v2_text()).unwrap();
    draft_json::from_value(&value, "").expect("the base is a whole draft")
}

/// A link never silently replaces a saved draft that differs from it: the page asks. With
/// nothing saved, an empty draft saved, or the same configuration saved, it opens.
#[test]
fn a_link_asks_before_it_replaces_a_different_saved_draft() {
    let link = Draft {
        target: TargetDraft {
            name: "contoso-link".into(),
            ..TargetDraft::default()
        },
        ..Draft::default()
    };
    let mine = Draft {
        target: TargetDraft {
            name: "contoso-mine".into(),
            ..TargetDraft::default()
        },
        ..Draft::default()
    };
    assert!(!link_asks(&link, None), "nothing saved");
    assert!(
        !link_asks(&link, Some(&Draft::default())),
        "an empty draft saved"
    );
    assert!(
        !link_asks(&link, Some(&link)),
        "the same configuration saved"
    );
    assert!(
        link_asks(&link, Some(&mine)),
        "a different configuration saved"
    );
    // An empty link over a saved plan asks too: the plan would be lost.
    assert!(link_asks(&Draft::default(), Some(&link)));
}
