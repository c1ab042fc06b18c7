//! Closing public access never cuts clients off: with own DNS servers and with manual
//! approval, validation says what the close waits for, at the close_public_access field, and
//! the REST tab reads and waits before the closing write.

use ai_network_wizard::core::diagnostics::Severity;
use ai_network_wizard::core::draft::Existence;
use ai_network_wizard::core::private_endpoints::draft::DnsMode;
use ai_network_wizard::core::render::OutputTarget;
use ai_network_wizard::core::validate::validate;

use crate::support::{assert_no_error, assert_only_error, fixture, messages_at, render_draft};

const FIELD: &str = "private_endpoints.close_public_access";

#[test]
fn own_dns_and_closing_an_account_warns_that_the_close_waits_for_a_private_resolution() {
    let draft = fixture("openai-own-dns-close-public-access");
    assert_no_error(&draft);
    let warnings = messages_at(&validate(&draft), FIELD, Severity::Warning);
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    assert!(
        warnings[0].contains("stop unless each answers a private address")
            && warnings[0].contains("100.64.0.0/10")
            && warnings[0].contains("run the same script again")
            && warnings[0].contains("asks you to confirm"),
        "{}",
        warnings[0]
    );

    // Without the close there is nothing to wait for.
    let mut open = draft.clone();
    open.private_endpoints.close_public_access = false;
    assert!(messages_at(&validate(&open), FIELD, Severity::Warning).is_empty());
}

#[test]
fn own_dns_and_closing_a_hub_is_refused_with_a_fix_that_unticks_the_close() {
    let mut draft = fixture("ai-studio-hub-private-endpoints");
    draft.private_endpoints.dns_mode = DnsMode::OwnDns;
    assert!(draft.private_endpoints.close_public_access);
    assert_only_error(
        &draft,
        FIELD,
        "With your own DNS servers, the outputs can check before closing only an account's client hosts; those of a hub, its resources or a Media Services account are known only in Azure, so closing here would cut off every client whose DNS servers do not hold the records yet. Untick this; once nslookup of each host (for a hub: <workspace-id>.workspace.<region>.api.azureml.ms) answers a private address on your clients' network, disable public network access on each resource's Networking page in the portal.",
    );
    let validation = validate(&draft);
    let fix = validation
        .for_field(FIELD)
        .find_map(|d| d.fix.clone())
        .expect("a one-click fix");
    assert!(draft.apply_fix(FIELD, &fix.replacement));
    assert!(!draft.private_endpoints.close_public_access);
    assert_no_error(&draft);
}

#[test]
fn manual_approval_and_closing_an_existing_account_warns_that_the_close_waits_for_approval() {
    let draft = fixture("openai-manual-approval-close-public-access");
    assert_no_error(&draft);
    let warnings = messages_at(&validate(&draft), FIELD, Severity::Warning);
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    assert!(
        warnings[0].contains("Only an Approved endpoint carries traffic")
            && warnings[0].contains("pe-contoso-openai-account")
            && warnings[0].contains("stops while it is Pending"),
        "{}",
        warnings[0]
    );

    // A new account has no clients to cut off: no warning.
    let mut new = draft.clone();
    new.target.existence = Existence::Create;
    assert!(messages_at(&validate(&new), FIELD, Severity::Warning).is_empty());
    // Automatic approval: nothing waits.
    let mut automatic = draft;
    automatic.private_endpoints.endpoints[0].manual_approval = false;
    assert!(messages_at(&validate(&automatic), FIELD, Severity::Warning).is_empty());
}

#[test]
fn the_rest_tab_reads_the_endpoint_and_waits_for_the_resolution_check_before_the_close() {
    let rest = render_draft(
        &fixture("openai-manual-approval-close-public-access"),
        OutputTarget::Rest,
    );
    let close = rest
        .rfind("PATCH {{armEndpoint}}")
        .expect("the closing PATCH");
    let read = rest
        .find("GET {{armEndpoint}}/subscriptions/3b9d7c21-5e4f-4a8b-9c6d-1e2f3a4b5c6d/resourceGroups/rg-spoke-network/providers/Microsoft.Network/privateEndpoints/pe-contoso-openai-account?")
        .expect("the endpoint read");
    let last_read = rest
        .rfind("privateEndpoints/pe-contoso-openai-account?")
        .unwrap();
    assert!(
        read < close && last_read < close,
        "the endpoint is read before the close"
    );
    assert!(rest.contains("stop here unless\n# properties.manualPrivateLinkServiceConnections[0]"));

    let rest = render_draft(
        &fixture("openai-own-dns-close-public-access"),
        OutputTarget::Rest,
    );
    let wait = rest
        .find("# WAIT: your own DNS servers must answer first.")
        .expect("the wait");
    let close = rest
        .rfind("PATCH {{armEndpoint}}")
        .expect("the closing PATCH");
    assert!(wait < close);
    let note = rest[wait..close].replace("\n# ", " ");
    assert!(
        note.contains("nslookup contoso-openai.cognitiveservices.azure.com, nslookup contoso-openai.openai.azure.com each answer a private address"),
        "{note}"
    );
}
