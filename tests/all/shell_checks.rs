//! Every fixture rendered to every target parses: `bash -n`, shellcheck and tree-sitter-bash
//! for the bash script; tree-sitter-powershell for both PowerShell scripts (there is no
//! PowerShell binary here, so the parse tree is the check). Also checks that the fixture corpus
//! covers what the UI offers.

use std::path::PathBuf;
use std::process::Command;

use ai_network_wizard::core::cloud::Cloud;
use ai_network_wizard::core::draft::{
    Bypass, DefaultAction, Existence, PublicNetworkAccess, SubnetInput,
};
use ai_network_wizard::core::generate::generate;
use ai_network_wizard::core::plan::Action;
use ai_network_wizard::core::render::OutputTarget;
use ai_network_wizard::core::resource_kinds::{ResourceType, KINDS};

use crate::support::{
    corpus_of, fixtures, parse_bash, parse_powershell, powershell_corpus, syntax_problems,
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

    for kind in KINDS {
        assert!(
            drafts.iter().any(
                |d| d.target.resource_type == ResourceType::CognitiveServices
                    && d.target.kind == kind.id
            ),
            "no fixture for kind {}",
            kind.id
        );
    }
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
