//! What every output tells clients (issue 26, items 7–10 and 15): one nslookup check per zone
//! the kind resolves through, in its cloud; the conditional forwarders of the zone table; what
//! Speech and Translator clients lose when the firewall or the close applies.

use ai_network_wizard::core::render::OutputTarget;

use crate::support::{fixture, render_draft};

/// Each output of a fixture, with comment wrapping undone so a sentence reads as one line.
fn outputs(name: &str) -> Vec<(OutputTarget, String)> {
    let draft = fixture(name);
    OutputTarget::ALL
        .into_iter()
        .map(|target| {
            let text = render_draft(&draft, target);
            (target, text.replace("\n# ", " ").replace("\n", " "))
        })
        .collect()
}

fn assert_every_output(name: &str, wanted: &[&str], unwanted: &[&str]) {
    for (target, text) in outputs(name) {
        for w in wanted {
            assert!(text.contains(w), "{name} {target:?}: missing {w:?}");
        }
        for u in unwanted {
            assert!(!text.contains(u), "{name} {target:?}: has {u:?}");
        }
    }
}

#[test]
fn openai_clients_check_the_openai_host_of_their_cloud() {
    assert_every_output(
        "openai-private-endpoint-china",
        &[
            "nslookup contoso-openai.openai.azure.cn must show the alias contoso-openai.privatelink.openai.azure.cn",
            "nslookup contoso-openai.cognitiveservices.azure.cn",
            "https://contoso-openai.openai.azure.cn/ (Azure OpenAI clients",
        ],
        &[".azure.com"],
    );
}

#[test]
fn ai_services_clients_check_one_host_per_zone() {
    assert_every_output(
        "ai-services-private-endpoint-three-zones",
        &[
            "nslookup contoso-foundry.cognitiveservices.azure.com",
            "nslookup contoso-foundry.openai.azure.com",
            "nslookup contoso-foundry.services.ai.azure.com",
        ],
        &[
            "keys and tokens unchanged",
            "Clients keep their keys or tokens",
        ],
    );
}

#[test]
fn hub_forwarders_records_and_checks_follow_the_table_in_us_government() {
    assert_every_output(
        "hub-us-government-own-dns-registry",
        &[
            "Conditional forwarders (the public zones): api.ml.azure.us, notebooks.usgovcloudapi.net, instances.azureml.us, aznbcontent.net, inference.ml.azure.us.",
            "Conditional forwarders (the public zones): vault.usgovcloudapi.net, vaultcore.usgovcloudapi.net.",
            "Each compute instance also needs an A record: <instance-name>.usgovvirginia.instances.azureml.us",
            "nslookup <workspace-id>.workspace.usgovvirginia.api.ml.azure.us must show the alias <workspace-id>.workspace.usgovvirginia.privatelink.api.ml.azure.us",
            "only from a virtual network linked to private DNS zones that hold these records; this mode creates none",
            "the hub builds environment images on a compute cluster",
        ],
        &["api.azureml.ms", "Or conditional forwarders"],
    );
}

#[test]
fn own_dns_records_are_named_as_they_go_in_the_privatelink_zone() {
    for (target, text) in outputs("hub-us-government-own-dns-registry") {
        let wanted = match target {
            OutputTarget::Rest => "<x>.vault.usgovcloudapi.net is the record <x> in privatelink.vaultcore.usgovcloudapi.net",
            _ => r#"{"public":"vault.usgovcloudapi.net","zone":"privatelink.vaultcore.usgovcloudapi.net"}"#,
        };
        assert!(text.contains(wanted), "{target:?}: missing {wanted}");
    }
}

#[test]
fn speech_regional_hosts_and_tokens_in_china() {
    assert_every_output(
        "speech-private-endpoint-china",
        &[
            "instead of https://<region>.<offering>.speech.azure.cn/<path>",
            "Speech with a custom domain accepts access tokens (the Authorization header) only while all networks are allowed",
        ],
        &["speech.microsoft.com"],
    );
}

#[test]
fn speech_removal_says_apps_on_from_endpoint_go_back_to_from_subscription() {
    assert_every_output(
        "private-endpoint-remove-reopen-public-access",
        &["once the account's last private endpoint is gone, applications that switched to SpeechConfig.FromEndpoint with the custom-domain URL get 404: they must go back to SpeechConfig.FromSubscription(key, region)"],
        &[],
    );
}

#[test]
fn translator_with_network_rules_uses_the_custom_domain_path_and_no_tokens() {
    assert_every_output(
        "translator-custom-domain-network-rules-private-endpoint",
        &[
            "Translator clients call https://contoso-translator.cognitiveservices.azure.com/translator/text/v3.0/<operation>",
            "Translator with a custom domain and network rules accepts no access tokens and no calls to the global endpoint",
        ],
        &["Clients call https://contoso-translator.cognitiveservices.azure.com/ ("],
    );
}

/// The apply page shows, after a run, what the scripts' last step prints: the same lines, from
/// the plan, and nothing for a plan without private endpoints.
#[test]
fn the_client_changes_after_a_direct_apply_are_the_scripts_last_step() {
    use ai_network_wizard::core::generate::generate;
    let draft = fixture("ai-services-private-endpoint-three-zones");
    let plan = generate(&draft).plan.expect("a plan");
    let lines = plan.client_changes();
    assert!(lines.len() >= 6, "a check and a host per zone: {lines:#?}");
    let bash = render_draft(&draft, OutputTarget::AzBash);
    for line in &lines {
        assert!(
            bash.contains(&line.replace('\'', "'\\''")),
            "the bash script prints {line:?}"
        );
    }
    assert!(lines
        .iter()
        .any(|l| l.contains("https://contoso-foundry.openai.azure.com/")));
    let rules_only = generate(&fixture("deny-no-rules")).plan.expect("a plan");
    assert!(rules_only.client_changes().is_empty());
}
