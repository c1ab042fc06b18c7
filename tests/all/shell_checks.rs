//! Every fixture rendered to every target parses: `bash -n`, shellcheck and tree-sitter-bash
//! for the bash script; tree-sitter-powershell for both PowerShell scripts (there is no
//! PowerShell binary here, so the parse tree is the check). Also checks that the fixture corpus
//! covers what the UI offers.

use std::path::PathBuf;
use std::process::Command;

use ai_network_wizard::core::byos;
use ai_network_wizard::core::cloud::Cloud;
use ai_network_wizard::core::draft::{
    Bypass, DefaultAction, Existence, PublicNetworkAccess, SubnetInput,
};
use ai_network_wizard::core::generate::generate;
use ai_network_wizard::core::plan::Action;
use ai_network_wizard::core::private_endpoints::zones::zones_for;
use ai_network_wizard::core::private_endpoints::{LinkService, LinkType};
use ai_network_wizard::core::render::OutputTarget;
use ai_network_wizard::core::resource_kinds::{ResourceType, KINDS};
use ai_network_wizard::core::validate::validate;

use crate::support::{
    corpus_of, fixture, fixtures, parse_bash, parse_powershell, powershell_corpus, render_draft,
    syntax_problems,
};

/// A fresh directory holding every bash output of the corpus, one file per fixture.
fn write_bash_scripts(tag: &str) -> (PathBuf, Vec<PathBuf>) {
    let dir = std::env::temp_dir().join(format!("ai-network-wizard-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let files = corpus_of(OutputTarget::AzBash)
        .map(|r| {
            let path = dir.join(format!("{}.sh", r.fixture));
            std::fs::write(&path, &r.text).unwrap();
            path
        })
        .collect();
    (dir, files)
}

fn tool(name: &str) -> Command {
    let found = Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {name}"))
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(found, "{name} is not installed: install it (e.g. apt-get install {name}) to run the generated-script checks");
    Command::new(name)
}

#[test]
fn bash_outputs_pass_bash_n() {
    let (dir, files) = write_bash_scripts("bash-n");
    let mut failures = Vec::new();
    for file in &files {
        let output = tool("bash").arg("-n").arg(file).output().unwrap();
        if !output.status.success() {
            failures.push(format!(
                "{}:\n{}",
                file.display(),
                String::from_utf8_lossy(&output.stderr)
            ));
        }
    }
    let _ = std::fs::remove_dir_all(dir);
    assert!(
        failures.is_empty(),
        "bash -n failed:\n{}",
        failures.join("\n")
    );
}

#[test]
fn bash_outputs_have_no_shellcheck_findings() {
    let (dir, files) = write_bash_scripts("shellcheck");
    let output = tool("shellcheck")
        .arg("--shell=bash")
        .arg("--severity=style")
        .args(&files)
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(dir);
    assert!(
        output.status.success(),
        "shellcheck findings:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn bash_outputs_parse_without_error_nodes() {
    for rendered in corpus_of(OutputTarget::AzBash) {
        let problems = syntax_problems(&parse_bash(&rendered.text), &rendered.text);
        assert!(problems.is_empty(), "{}: {problems:#?}", rendered.label());
    }
}

#[test]
fn powershell_outputs_parse_without_error_or_missing_nodes() {
    let mut count = 0;
    for rendered in powershell_corpus() {
        let problems = syntax_problems(&parse_powershell(&rendered.text), &rendered.text);
        assert!(problems.is_empty(), "{}: {problems:#?}", rendered.label());
        count += 1;
    }
    assert!(
        count >= 40,
        "both PowerShell targets of every fixture: {count}"
    );
}

/// The corpus covers every choice the UI offers, so the checks above see every code path.
#[test]
fn corpus_covers_every_option() {
    let fixtures = fixtures();
    assert!(
        fixtures.len() >= 20,
        "at least 20 fixtures, found {}",
        fixtures.len()
    );
    for required in [
        "speech-two-office-ranges",
        "openai-100-ip-rules-3-subnets-two-subscriptions-bypass",
        "deny-with-no-rules",
    ] {
        assert!(
            fixtures.iter().any(|(n, _)| n == required),
            "fixture {required} is missing"
        );
    }
    let drafts: Vec<_> = fixtures.iter().map(|(_, d)| d).collect();
    let plans: Vec<_> = drafts
        .iter()
        .map(|d| generate(d).plan.expect("every fixture is valid"))
        .collect();

    // Every kind is rendered to every output by `every_kind_validates_plans_and_renders` below;
    // a kind whose outputs differ from a plain account's (its own zones, BYOS, guidance, the
    // trusted-services bypass) also needs a fixture, so the corpus checks see that difference.
    for kind in KINDS {
        let behaves_like_a_plain_account = !kind.supports_trusted_services_bypass
            && !byos::kind_supports_user_owned_storage(kind.id)
            && !["SpeechServices", "TextTranslation"].contains(&kind.id)
            && Cloud::ALL.into_iter().all(|cloud| {
                let link = LinkType::of(LinkService::Target, ResourceType::CognitiveServices);
                zones_for(cloud, link, kind.id, "account")
                    == zones_for(cloud, link, "CognitiveServices", "account")
            });
        assert!(
            behaves_like_a_plain_account
                || drafts.iter().any(
                    |d| d.target.resource_type == ResourceType::CognitiveServices
                        && d.target.kind == kind.id
                ),
            "no fixture for kind {}",
            kind.id
        );
    }
    assert!(
        drafts.iter().any(|d| d.target.kind == "HealthInsights"),
        "no fixture for a kind added from the Azure Verified Modules' list"
    );
    for resource_type in ResourceType::ALL {
        assert!(
            drafts
                .iter()
                .any(|d| d.target.resource_type == resource_type),
            "no fixture for {resource_type:?}"
        );
    }
    for cloud in Cloud::ALL {
        assert!(
            drafts.iter().any(|d| d.target.cloud == cloud),
            "no fixture for {cloud:?}"
        );
    }
    let cs = |d: &&&ai_network_wizard::core::draft::Draft| {
        d.target.resource_type == ResourceType::CognitiveServices
    };
    let checks: Vec<(&str, bool)> = vec![
        (
            "existing",
            drafts
                .iter()
                .filter(cs)
                .any(|d| d.target.existence == Existence::Existing),
        ),
        (
            "create",
            drafts
                .iter()
                .filter(cs)
                .any(|d| d.target.existence == Existence::Create),
        ),
        (
            "custom domain on",
            plans.iter().any(|p| p.config.custom_domain.is_some()),
        ),
        (
            "custom domain off",
            drafts.iter().filter(cs).any(|d| !d.custom_domain.enabled),
        ),
        (
            "custom domain unacknowledged",
            drafts.iter().filter(cs).any(|d| {
                d.custom_domain.enabled
                    && !d.custom_domain.acknowledge_irreversible
                    && d.target.existence == Existence::Existing
            }),
        ),
        (
            "network off",
            drafts.iter().filter(cs).any(|d| !d.network.enabled),
        ),
        (
            "ip rules",
            plans.iter().any(|p| {
                p.config
                    .network
                    .as_ref()
                    .is_some_and(|n| !n.ip_rules.is_empty())
            }),
        ),
        (
            "100 ip rules",
            plans.iter().any(|p| {
                p.config
                    .network
                    .as_ref()
                    .is_some_and(|n| n.ip_rules.len() == 100)
            }),
        ),
        (
            "subnet by id",
            drafts.iter().any(|d| {
                d.network
                    .vnet_rules
                    .iter()
                    .any(|r| r.input == SubnetInput::ResourceId)
            }),
        ),
        (
            "subnet by parts",
            drafts.iter().any(|d| {
                d.network
                    .vnet_rules
                    .iter()
                    .any(|r| r.input == SubnetInput::Parts)
            }),
        ),
        (
            "other tenant",
            drafts
                .iter()
                .any(|d| d.network.vnet_rules.iter().any(|r| !r.tenant_id.is_empty())),
        ),
        (
            "service endpoint on",
            drafts.iter().any(|d| {
                d.network
                    .vnet_rules
                    .iter()
                    .any(|r| r.enable_service_endpoint)
            }),
        ),
        (
            "service endpoint off",
            drafts.iter().any(|d| {
                d.network
                    .vnet_rules
                    .iter()
                    .any(|r| !r.enable_service_endpoint)
            }),
        ),
        (
            "bypass AzureServices",
            plans.iter().any(|p| {
                p.config
                    .network
                    .as_ref()
                    .is_some_and(|n| n.bypass == Some(Bypass::AzureServices))
            }),
        ),
        (
            "bypass None",
            plans.iter().any(|p| {
                p.config
                    .network
                    .as_ref()
                    .is_some_and(|n| n.bypass == Some(Bypass::None))
            }),
        ),
        (
            "bypass not accepted by kind",
            plans.iter().any(|p| {
                p.config
                    .network
                    .as_ref()
                    .is_some_and(|n| n.bypass.is_none())
            }),
        ),
        (
            "Deny",
            drafts
                .iter()
                .filter(cs)
                .any(|d| d.network.enabled && d.network.default_action == DefaultAction::Deny),
        ),
        (
            "Allow",
            drafts
                .iter()
                .filter(cs)
                .any(|d| d.network.enabled && d.network.default_action == DefaultAction::Allow),
        ),
        (
            "public access Disabled",
            drafts.iter().filter(cs).any(|d| {
                d.network.enabled
                    && d.network.public_network_access == PublicNetworkAccess::Disabled
            }),
        ),
        (
            "resource group with Unicode letters and parentheses",
            drafts.iter().any(|d| {
                !d.target.resource_group.is_ascii() && d.target.resource_group.contains('(')
            }),
        ),
    ];
    for (what, covered) in checks {
        assert!(covered, "no fixture covers: {what}");
    }
    let actions: Vec<&Action> = plans
        .iter()
        .flat_map(|p| p.steps.iter().map(|s| &s.action))
        .collect();
    type IsVariant = fn(&Action) -> bool;
    let variants: [(&str, IsVariant); 12] = [
        ("SelectSubscription", |a| {
            matches!(a, Action::SelectSubscription)
        }),
        ("VerifyResource", |a| matches!(a, Action::VerifyResource)),
        ("CreateAccount", |a| {
            matches!(a, Action::CreateAccount { .. })
        }),
        ("SetCustomSubdomain", |a| {
            matches!(a, Action::SetCustomSubdomain { .. })
        }),
        ("RegisterResourceProvider", |a| {
            matches!(a, Action::RegisterResourceProvider { .. })
        }),
        ("EnableServiceEndpoint", |a| {
            matches!(a, Action::EnableServiceEndpoint { .. })
        }),
        ("MergeNetworkRules", |a| {
            matches!(a, Action::MergeNetworkRules { .. })
        }),
        ("SetDefaultAction", |a| {
            matches!(a, Action::SetDefaultAction { .. })
        }),
        ("SetPublicNetworkAccess", |a| {
            matches!(a, Action::SetPublicNetworkAccess { .. })
        }),
        ("AssignStorageRole", |a| {
            matches!(a, Action::AssignStorageRole { .. })
        }),
        ("HardenStorage", |a| {
            matches!(a, Action::HardenStorage { .. })
        }),
        ("VerifyUserOwnedStorage", |a| {
            matches!(a, Action::VerifyUserOwnedStorage { .. })
        }),
    ];
    for (name, is) in variants {
        assert!(
            actions.iter().any(|a| is(a)),
            "no fixture's plan has a {name} step"
        );
    }
}

/// The script snippets are templates with `{{name}}` slots and `{{?flag}}` blocks: none may
/// reach a script. (The REST tab's `{{token}}`-style variables are the REST Client's own.)
#[test]
fn no_template_marker_is_left_in_a_script() {
    for target in [
        OutputTarget::PowerShell,
        OutputTarget::AzBash,
        OutputTarget::AzPowerShell,
    ] {
        for rendered in corpus_of(target) {
            assert!(
                !rendered.text.contains("{{"),
                "{}: a template marker is left",
                rendered.label()
            );
        }
    }
}

/// Every kind of the table, existing and created, with a custom subdomain, a firewall and a
/// private endpoint: it validates (its retirement note, if any, as a warning), plans, and renders
/// all four outputs, which parse (bash also through `bash -n`).
#[test]
fn every_kind_validates_plans_and_renders() {
    let base = fixture("health-insights-private-endpoint");
    for kind in KINDS {
        for existence in [Existence::Existing, Existence::Create] {
            let mut draft = base.clone();
            draft.target.kind = kind.id.to_owned();
            draft.target.sku = kind.skus[0].to_owned();
            draft.target.existence = existence;
            let what = format!("{} {existence:?}", kind.id);
            let validation = validate(&draft);
            assert!(
                validation.config.is_some(),
                "{what}: {:#?}",
                validation.diagnostics
            );
            let kind_warnings: Vec<&str> = validation
                .diagnostics
                .iter()
                .filter(|d| d.field == "target.kind")
                .map(|d| d.message.as_str())
                .collect();
            assert_eq!(
                kind_warnings,
                kind.note.into_iter().collect::<Vec<_>>(),
                "{what}"
            );
            let plan = generate(&draft).plan.expect("valid");
            assert!(
                plan.steps
                    .iter()
                    .any(|s| matches!(s.action, Action::SetDefaultAction { .. })),
                "{what}: no firewall step"
            );
            for target in OutputTarget::ALL {
                let text = render_draft(&draft, target);
                if existence == Existence::Create {
                    assert!(
                        text.contains(kind.id),
                        "{what} {target:?}: the kind is not created"
                    );
                }
                let problems = match target {
                    OutputTarget::AzBash => syntax_problems(&parse_bash(&text), &text),
                    OutputTarget::PowerShell | OutputTarget::AzPowerShell => {
                        syntax_problems(&parse_powershell(&text), &text)
                    }
                    // Checked against the REST specifications by rest_contract's corpus.
                    OutputTarget::Rest => Vec::new(),
                };
                assert!(problems.is_empty(), "{what} {target:?}: {problems:#?}");
                if target == OutputTarget::AzBash {
                    let mut child = tool("bash")
                        .arg("-n")
                        .stdin(std::process::Stdio::piped())
                        .stderr(std::process::Stdio::piped())
                        .spawn()
                        .unwrap();
                    use std::io::Write;
                    child
                        .stdin
                        .take()
                        .unwrap()
                        .write_all(text.as_bytes())
                        .unwrap();
                    let output = child.wait_with_output().unwrap();
                    assert!(
                        output.status.success(),
                        "{what}: {}",
                        String::from_utf8_lossy(&output.stderr)
                    );
                }
                // Speech's and Translator's client guidance is theirs alone.
                for (owner, marker) in [
                    ("TextTranslation", "/translator/text/v3.0"),
                    ("SpeechServices", "FromEndpoint"),
                ] {
                    if kind.id != owner {
                        assert!(!text.contains(marker), "{what} {target:?}: {marker}");
                    }
                }
            }
        }
    }
}
