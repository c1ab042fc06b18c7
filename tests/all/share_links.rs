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
            tags: Vec::new(),
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

/// The zlib step outside the browser (miniz_oxide behind the crate's names): a link that
/// unpacks to more than a configuration can hold stops at the limit, a cut stream is damaged.
#[test]
fn the_native_zlib_step_stops_at_its_limit_and_refuses_cut_streams() {
    use ai_network_wizard::core::share_link::{zlib, UnpackError};
    let data = vec![b'{'; 100_000];
    let stream = zlib::compress(&data);
    assert!(stream.len() < 1000, "a zip bomb in miniature");
    assert_eq!(
        zlib::decompress(&stream, 99_999),
        Err(UnpackError::TooLarge)
    );
    assert_eq!(zlib::decompress(&stream, 100_000), Ok(data));
    for cut in [0, 1, 2, stream.len() / 2, stream.len() - 1] {
        assert_eq!(
            zlib::decompress(&stream[..cut], 1 << 20),
            Err(UnpackError::Damaged),
            "cut at {cut}"
        );
    }
}

/// A link the page made (Chromium's `CompressionStream("deflate")`, zlib's default level, not
/// the level 9 `wizard-cli` writes) opens here to the same draft: the browser and the command
/// line share the format, not the bytes.
#[test]
fn a_link_packed_by_the_browser_opens_outside_it() {
    let link = read("v2-browser-link.txt");
    assert_eq!(
        read_link(&link),
        Some(Ok(fixture("speech-two-office-ranges"))),
        "{link}"
    );
    assert_ne!(
        link.trim().split('#').nth(1).unwrap(),
        share_fragment(&fixture("speech-two-office-ranges")),
        "the browser's bytes differ from miniz_oxide's level 9: the test reads another writer's link"
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
