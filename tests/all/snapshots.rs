//! The four outputs of representative configurations, compared with the reviewed files in
//! tests/snapshots/<fixture>.<target>.txt. `UPDATE_EXPECT=1 cargo test --test all snapshots`
//! rewrites them; review the diff before committing.

use ai_network_wizard::core::diagnostics::Severity;
use ai_network_wizard::core::render::OutputTarget;
use ai_network_wizard::core::validate::validate;

use crate::support::{assert_snapshot, fixture, messages_at, render_draft};

fn check(fixture_name: &str, target: OutputTarget) {
    let text = render_draft(&fixture(fixture_name), target);
    assert_snapshot(&format!("{fixture_name}.{}.txt", target.id()), &text);
}

macro_rules! snapshot_tests {
    ($($test:ident: $fixture:literal, $target:ident;)*) => {
        $(
            #[test]
            fn $test() {
                check($fixture, OutputTarget::$target);
            }
        )*
    };
}

snapshot_tests! {
    ai_services_create_tagged_private_endpoint_powershell: "ai-services-create-tagged-private-endpoint", PowerShell;
    ai_services_create_tagged_private_endpoint_az_bash: "ai-services-create-tagged-private-endpoint", AzBash;
    ai_services_create_tagged_private_endpoint_az_powershell: "ai-services-create-tagged-private-endpoint", AzPowerShell;
    ai_services_create_tagged_private_endpoint_rest: "ai-services-create-tagged-private-endpoint", Rest;
    openai_exact_lists_remove_rules_powershell: "openai-exact-lists-remove-rules", PowerShell;
    openai_exact_lists_remove_rules_az_bash: "openai-exact-lists-remove-rules", AzBash;
    openai_exact_lists_remove_rules_az_powershell: "openai-exact-lists-remove-rules", AzPowerShell;
    openai_exact_lists_remove_rules_rest: "openai-exact-lists-remove-rules", Rest;
    speech_two_office_ranges_powershell: "speech-two-office-ranges", PowerShell;
    speech_two_office_ranges_az_bash: "speech-two-office-ranges", AzBash;
    speech_two_office_ranges_az_powershell: "speech-two-office-ranges", AzPowerShell;
    speech_two_office_ranges_rest: "speech-two-office-ranges", Rest;
    openai_100_ip_rules_3_subnets_powershell: "openai-100-ip-rules-3-subnets", PowerShell;
    openai_100_ip_rules_3_subnets_az_bash: "openai-100-ip-rules-3-subnets", AzBash;
    openai_100_ip_rules_3_subnets_az_powershell: "openai-100-ip-rules-3-subnets", AzPowerShell;
    openai_100_ip_rules_3_subnets_rest: "openai-100-ip-rules-3-subnets", Rest;
    deny_no_rules_powershell: "deny-no-rules", PowerShell;
    deny_no_rules_az_bash: "deny-no-rules", AzBash;
    deny_no_rules_az_powershell: "deny-no-rules", AzPowerShell;
    deny_no_rules_rest: "deny-no-rules", Rest;
    speech_byos_powershell: "speech-byos", PowerShell;
    speech_byos_az_bash: "speech-byos", AzBash;
    speech_byos_az_powershell: "speech-byos", AzPowerShell;
    speech_byos_rest: "speech-byos", Rest;
    speech_byos_hardened_powershell: "speech-byos-hardened", PowerShell;
    speech_byos_hardened_az_bash: "speech-byos-hardened", AzBash;
    speech_byos_hardened_az_powershell: "speech-byos-hardened", AzPowerShell;
    speech_byos_hardened_rest: "speech-byos-hardened", Rest;
    speech_byos_us_government_powershell: "speech-byos-us-government", PowerShell;
    speech_byos_us_government_az_bash: "speech-byos-us-government", AzBash;
    speech_byos_us_government_az_powershell: "speech-byos-us-government", AzPowerShell;
    speech_byos_us_government_rest: "speech-byos-us-government", Rest;
    speech_byos_custom_domain_network_rules_powershell: "speech-byos-custom-domain-network-rules", PowerShell;
    speech_byos_custom_domain_network_rules_az_bash: "speech-byos-custom-domain-network-rules", AzBash;
    speech_byos_custom_domain_network_rules_az_powershell: "speech-byos-custom-domain-network-rules", AzPowerShell;
    speech_byos_custom_domain_network_rules_rest: "speech-byos-custom-domain-network-rules", Rest;
    speech_byos_custom_domain_network_rules_private_endpoint_powershell: "speech-byos-custom-domain-network-rules-private-endpoint", PowerShell;
    speech_byos_custom_domain_network_rules_private_endpoint_az_bash: "speech-byos-custom-domain-network-rules-private-endpoint", AzBash;
    speech_byos_custom_domain_network_rules_private_endpoint_az_powershell: "speech-byos-custom-domain-network-rules-private-endpoint", AzPowerShell;
    speech_byos_custom_domain_network_rules_private_endpoint_rest: "speech-byos-custom-domain-network-rules-private-endpoint", Rest;
    // Single rules removed from lists that are added to (not exact).
    openai_remove_single_rules_powershell: "openai-remove-single-rules", PowerShell;
    openai_remove_single_rules_az_bash: "openai-remove-single-rules", AzBash;
    openai_remove_single_rules_az_powershell: "openai-remove-single-rules", AzPowerShell;
    openai_remove_single_rules_rest: "openai-remove-single-rules", Rest;
    // Approve, reject and delete private endpoint connections of other teams' endpoints.
    openai_endpoint_connections_powershell: "openai-endpoint-connections", PowerShell;
    openai_endpoint_connections_az_bash: "openai-endpoint-connections", AzBash;
    openai_endpoint_connections_az_powershell: "openai-endpoint-connections", AzPowerShell;
    openai_endpoint_connections_rest: "openai-endpoint-connections", Rest;
    // The REST form computed from an imported current state (exact bodies, no edit marks).
    openai_existing_current_state_rest: "openai-existing-current-state", Rest;
    // Private endpoints and private DNS.
    // A hub's dependent resources behind endpoints their owners approve.
    ai_studio_hub_manual_approval_powershell: "ai-studio-hub-manual-approval", PowerShell;
    ai_studio_hub_manual_approval_az_bash: "ai-studio-hub-manual-approval", AzBash;
    ai_studio_hub_manual_approval_az_powershell: "ai-studio-hub-manual-approval", AzPowerShell;
    ai_studio_hub_manual_approval_rest: "ai-studio-hub-manual-approval", Rest;
    speech_private_endpoint_created_zones_powershell: "speech-private-endpoint-created-zones", PowerShell;
    speech_private_endpoint_created_zones_az_bash: "speech-private-endpoint-created-zones", AzBash;
    speech_private_endpoint_created_zones_az_powershell: "speech-private-endpoint-created-zones", AzPowerShell;
    speech_private_endpoint_created_zones_rest: "speech-private-endpoint-created-zones", Rest;
    ai_services_private_endpoint_three_zones_powershell: "ai-services-private-endpoint-three-zones", PowerShell;
    ai_services_private_endpoint_three_zones_az_bash: "ai-services-private-endpoint-three-zones", AzBash;
    ai_services_private_endpoint_three_zones_az_powershell: "ai-services-private-endpoint-three-zones", AzPowerShell;
    ai_services_private_endpoint_three_zones_rest: "ai-services-private-endpoint-three-zones", Rest;
    openai_private_endpoint_manual_other_subscription_powershell: "openai-private-endpoint-manual-other-subscription", PowerShell;
    openai_private_endpoint_manual_other_subscription_az_bash: "openai-private-endpoint-manual-other-subscription", AzBash;
    openai_private_endpoint_manual_other_subscription_az_powershell: "openai-private-endpoint-manual-other-subscription", AzPowerShell;
    openai_private_endpoint_manual_other_subscription_rest: "openai-private-endpoint-manual-other-subscription", Rest;
    ai_studio_hub_private_endpoints_powershell: "ai-studio-hub-private-endpoints", PowerShell;
    ai_studio_hub_private_endpoints_az_bash: "ai-studio-hub-private-endpoints", AzBash;
    ai_studio_hub_private_endpoints_az_powershell: "ai-studio-hub-private-endpoints", AzPowerShell;
    ai_studio_hub_private_endpoints_rest: "ai-studio-hub-private-endpoints", Rest;
    media_services_private_endpoint_powershell: "media-services-private-endpoint", PowerShell;
    media_services_private_endpoint_az_bash: "media-services-private-endpoint", AzBash;
    media_services_private_endpoint_az_powershell: "media-services-private-endpoint", AzPowerShell;
    media_services_private_endpoint_rest: "media-services-private-endpoint", Rest;
    speech_private_endpoint_us_government_powershell: "speech-private-endpoint-us-government", PowerShell;
    speech_private_endpoint_us_government_az_bash: "speech-private-endpoint-us-government", AzBash;
    speech_private_endpoint_us_government_az_powershell: "speech-private-endpoint-us-government", AzPowerShell;
    speech_private_endpoint_us_government_rest: "speech-private-endpoint-us-government", Rest;
    speech_private_endpoint_china_powershell: "speech-private-endpoint-china", PowerShell;
    speech_private_endpoint_china_az_bash: "speech-private-endpoint-china", AzBash;
    speech_private_endpoint_china_az_powershell: "speech-private-endpoint-china", AzPowerShell;
    speech_private_endpoint_china_rest: "speech-private-endpoint-china", Rest;
    private_endpoint_existing_zones_other_subscription_powershell: "private-endpoint-existing-zones-other-subscription", PowerShell;
    private_endpoint_existing_zones_other_subscription_az_bash: "private-endpoint-existing-zones-other-subscription", AzBash;
    private_endpoint_existing_zones_other_subscription_az_powershell: "private-endpoint-existing-zones-other-subscription", AzPowerShell;
    private_endpoint_existing_zones_other_subscription_rest: "private-endpoint-existing-zones-other-subscription", Rest;
    private_endpoint_custom_dns_powershell: "private-endpoint-custom-dns", PowerShell;
    private_endpoint_custom_dns_az_bash: "private-endpoint-custom-dns", AzBash;
    private_endpoint_custom_dns_az_powershell: "private-endpoint-custom-dns", AzPowerShell;
    private_endpoint_custom_dns_rest: "private-endpoint-custom-dns", Rest;
    // What clients are told (issue 26, items 7-10): hosts per zone, forwarders per type, per cloud.
    openai_private_endpoint_china_powershell: "openai-private-endpoint-china", PowerShell;
    openai_private_endpoint_china_az_bash: "openai-private-endpoint-china", AzBash;
    openai_private_endpoint_china_az_powershell: "openai-private-endpoint-china", AzPowerShell;
    openai_private_endpoint_china_rest: "openai-private-endpoint-china", Rest;
    hub_us_government_own_dns_registry_powershell: "hub-us-government-own-dns-registry", PowerShell;
    hub_us_government_own_dns_registry_az_bash: "hub-us-government-own-dns-registry", AzBash;
    hub_us_government_own_dns_registry_az_powershell: "hub-us-government-own-dns-registry", AzPowerShell;
    hub_us_government_own_dns_registry_rest: "hub-us-government-own-dns-registry", Rest;
    translator_custom_domain_network_rules_private_endpoint_powershell: "translator-custom-domain-network-rules-private-endpoint", PowerShell;
    translator_custom_domain_network_rules_private_endpoint_az_bash: "translator-custom-domain-network-rules-private-endpoint", AzBash;
    translator_custom_domain_network_rules_private_endpoint_az_powershell: "translator-custom-domain-network-rules-private-endpoint", AzPowerShell;
    translator_custom_domain_network_rules_private_endpoint_rest: "translator-custom-domain-network-rules-private-endpoint", Rest;
    health_insights_private_endpoint_powershell: "health-insights-private-endpoint", PowerShell;
    health_insights_private_endpoint_az_bash: "health-insights-private-endpoint", AzBash;
    health_insights_private_endpoint_az_powershell: "health-insights-private-endpoint", AzPowerShell;
    health_insights_private_endpoint_rest: "health-insights-private-endpoint", Rest;
    // Every flag block of every template rendered both ways (tests/all/template_coverage.rs):
    // the endpoint step checks a subdomain set before this run; a hub closes dependents whose
    // endpoints wait for approval.
    speech_private_endpoint_subdomain_already_set_powershell: "speech-private-endpoint-subdomain-already-set", PowerShell;
    speech_private_endpoint_subdomain_already_set_az_bash: "speech-private-endpoint-subdomain-already-set", AzBash;
    speech_private_endpoint_subdomain_already_set_az_powershell: "speech-private-endpoint-subdomain-already-set", AzPowerShell;
    speech_private_endpoint_subdomain_already_set_rest: "speech-private-endpoint-subdomain-already-set", Rest;
    ai_studio_hub_manual_approval_close_public_access_powershell: "ai-studio-hub-manual-approval-close-public-access", PowerShell;
    ai_studio_hub_manual_approval_close_public_access_az_bash: "ai-studio-hub-manual-approval-close-public-access", AzBash;
    ai_studio_hub_manual_approval_close_public_access_az_powershell: "ai-studio-hub-manual-approval-close-public-access", AzPowerShell;
    ai_studio_hub_manual_approval_close_public_access_rest: "ai-studio-hub-manual-approval-close-public-access", Rest;
    // An endpoint removed without its DNS zone group.
    private_endpoint_remove_keep_zone_group_powershell: "private-endpoint-remove-keep-zone-group", PowerShell;
    private_endpoint_remove_keep_zone_group_az_bash: "private-endpoint-remove-keep-zone-group", AzBash;
    private_endpoint_remove_keep_zone_group_az_powershell: "private-endpoint-remove-keep-zone-group", AzPowerShell;
    private_endpoint_remove_keep_zone_group_rest: "private-endpoint-remove-keep-zone-group", Rest;
    private_endpoint_remove_reopen_public_access_powershell: "private-endpoint-remove-reopen-public-access", PowerShell;
    private_endpoint_remove_reopen_public_access_az_bash: "private-endpoint-remove-reopen-public-access", AzBash;
    private_endpoint_remove_reopen_public_access_az_powershell: "private-endpoint-remove-reopen-public-access", AzPowerShell;
    private_endpoint_remove_reopen_public_access_rest: "private-endpoint-remove-reopen-public-access", Rest;
    openai_own_dns_close_public_access_powershell: "openai-own-dns-close-public-access", PowerShell;
    openai_own_dns_close_public_access_az_bash: "openai-own-dns-close-public-access", AzBash;
    openai_own_dns_close_public_access_az_powershell: "openai-own-dns-close-public-access", AzPowerShell;
    openai_own_dns_close_public_access_rest: "openai-own-dns-close-public-access", Rest;
    openai_manual_approval_close_public_access_powershell: "openai-manual-approval-close-public-access", PowerShell;
    openai_manual_approval_close_public_access_az_bash: "openai-manual-approval-close-public-access", AzBash;
    openai_manual_approval_close_public_access_az_powershell: "openai-manual-approval-close-public-access", AzPowerShell;
    openai_manual_approval_close_public_access_rest: "openai-manual-approval-close-public-access", Rest;
}

#[test]
fn deny_no_rules_is_rendered_only_because_it_was_accepted() {
    let mut draft = fixture("deny-no-rules");
    assert!(draft.network.accept_no_access);
    let validation = validate(&draft);
    assert_eq!(
        messages_at(&validation, "network.default_action", Severity::Warning),
        ["Accepted: with default action Deny and no IP rule, no virtual-network rule and no private endpoint, nothing reaches the account."]
    );
    draft.network.accept_no_access = false;
    assert!(validate(&draft).config.is_none());
}

#[test]
fn the_snapshot_fixtures_are_what_their_names_say() {
    let openai = fixture("openai-100-ip-rules-3-subnets");
    assert_eq!(openai.target.kind, "OpenAI");
    assert_eq!(openai.network.ip_rules.len(), 100);
    assert_eq!(openai.network.vnet_rules.len(), 3);
    let config = validate(&openai).config.expect("valid");
    let network = config.network.expect("network step");
    let mut subscriptions: Vec<&str> = network
        .vnet_rules
        .iter()
        .map(|r| r.subnet.subscription_id.as_str())
        .collect();
    subscriptions.sort_unstable();
    subscriptions.dedup();
    assert_eq!(subscriptions.len(), 2, "subnets in two subscriptions");
    assert_eq!(
        network.bypass,
        Some(ai_network_wizard::core::draft::Bypass::AzureServices)
    );

    let speech = validate(&fixture("speech-two-office-ranges"))
        .config
        .expect("valid");
    assert_eq!(speech.network.expect("network step").ip_rules.len(), 2);
}

/// The rollback of a configuration with a snapshot, in every output.
fn check_rollback(fixture_name: &str, target: OutputTarget) {
    use ai_network_wizard::core::generate::generate;
    use ai_network_wizard::core::render::{render, RenderContext};
    use ai_network_wizard::core::rollback::{rollback_draft, rollback_header};
    let draft = fixture(fixture_name);
    let rollback = rollback_draft(&draft).expect("a snapshot");
    let plan = generate(&rollback).plan.expect("a valid rollback");
    let mut context = RenderContext::for_draft(crate::support::TEST_DATE, None, &rollback);
    context.header_notes = rollback_header(&draft);
    let text = render(&plan, target, &context);
    assert_snapshot(
        &format!("{fixture_name}.rollback.{}.txt", target.id()),
        &text,
    );
}

#[test]
fn rollback_in_every_output() {
    for target in OutputTarget::ALL {
        check_rollback("openai-exact-lists-remove-rules", target);
    }
}
