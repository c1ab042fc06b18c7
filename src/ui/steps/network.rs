//! Step 3: the firewall. Public access, default action, IP and virtual-network rules, bypass.

use leptos::prelude::*;

use crate::ui::erased::{indexed_rows, memo, Show};

use crate::core::current_state::{validate_current_state, ConnectionState};
use crate::core::diagnostics::dom_id;
use crate::core::draft::{
    split_pasted_addresses, Bypass, ConnectionDecision, DefaultAction, PublicNetworkAccess,
    SubnetInput, VnetRuleDraft,
};
use crate::core::ip_rules::MAX_RULES;
use crate::core::resource_kinds::{kind_info, ResourceType};
use crate::ui::fields::{
    checkbox, checkbox_in, field_messages, row_scope, rows_of, scoped_memo, select_input,
    text_input_in, Extras, RowList, Rows,
};
use crate::ui::lines_editor::{lines_editor, Lines};
use crate::ui::state::AppState;

const IP_RULES: RowList<String> = RowList {
    path: "network.ip_rules",
    first_field: "",
    add_button: "ip-add",
    entries: |d| &mut d.network.ip_rules,
};

const VNET_RULES: RowList<VnetRuleDraft> = RowList {
    path: "network.vnet_rules",
    first_field: ".input",
    add_button: "vnet-add",
    entries: |d| &mut d.network.vnet_rules,
};

pub fn network_step() -> AnyView {
    let state = expect_context::<AppState>();
    let applies = memo(move |_| {
        state
            .draft
            .with(|d| d.target.resource_type == ResourceType::CognitiveServices)
    });
    let enabled = memo(move |_| state.draft.with(|d| d.network.enabled));
    let bypass_supported = memo(move |_| {
        state
            .draft
            .with(|d| kind_info(&d.target.kind).is_some_and(|k| k.supports_trusted_services_bypass))
    });
    // The acceptance is offered while the choices leave no way in (or it was given).
    let blocks_all = memo(move |_| {
        state.draft.with(|d| {
            let n = &d.network;
            let no_rules = n.ip_rules.is_empty() && n.vnet_rules.is_empty();
            n.accept_no_access
                || n.public_network_access == PublicNetworkAccess::Disabled
                || (n.default_action == DefaultAction::Deny && no_rules)
        })
    });
    view! {
        <p class="lead">
            "The firewall of the account. The scripts apply it in a safe order: allow rules first (the default action unchanged), then the default action, then public network access, so nobody allowed is locked out midway. Existing rules are kept: the complete rule set is read, merged and written back."
        </p>
        <Show
            when=move || applies.get()
            fallback=|| view! { <p class="callout">"These network rules apply to Cognitive Services accounts only: nothing from this step is in the outputs for the chosen resource type."</p> }
        >
            {checkbox("Include this step".into(), "network.enabled".into(), |d| d.network.enabled, |d, v| d.network.enabled = v)}
            <Show when=move || enabled.get()>
                {select_input(
                    "Public network access",
                    "network.public_network_access",
                    "Enabled: the public endpoint answers, filtered by the rules below. Disabled: only private endpoints reach the account, whatever the rules say.",
                    vec![("Enabled".into(), "Enabled".into()), ("Disabled".into(), "Disabled (private endpoints only)".into())],
                    |d| match d.network.public_network_access {
                        PublicNetworkAccess::Enabled => "Enabled".into(),
                        PublicNetworkAccess::Disabled => "Disabled".into(),
                    },
                    |d, v| d.network.public_network_access = if v == "Disabled" { PublicNetworkAccess::Disabled } else { PublicNetworkAccess::Enabled },
                )}
                {select_input(
                    "Default action",
                    "network.default_action",
                    "Deny: only the addresses and subnets below get in. Requests from the Azure portal's data views, logging and metrics, and other Azure services are blocked too unless allowed. Allow: every network gets in and the rules have no effect.",
                    vec![("Deny".into(), "Deny (selected networks only)".into()), ("Allow".into(), "Allow (all networks)".into())],
                    |d| match d.network.default_action {
                        DefaultAction::Allow => "Allow".into(),
                        DefaultAction::Deny => "Deny".into(),
                    },
                    |d, v| d.network.default_action = if v == "Allow" { DefaultAction::Allow } else { DefaultAction::Deny },
                )}
                <Show
                    when=move || bypass_supported.get()
                    fallback=|| view! {
                        <div class="field">
                            <p class="hint">"Trusted-services bypass is offered for Azure OpenAI, Azure AI services and Language only; this kind keeps its current setting."</p>
                            {field_messages("network.bypass".into())}
                        </div>
                    }
                >
                    {select_input(
                        "Trusted Azure services",
                        "network.bypass",
                        "AzureServices lets trusted services (Azure AI Foundry, Azure Machine Learning, Azure AI Search) reach the account despite the rules. Keep the current setting unless you know what relies on it.",
                        vec![
                            ("KeepCurrent".into(), "Keep the account's current setting".into()),
                            ("None".into(), "None (no exception)".into()),
                            ("AzureServices".into(), "AzureServices (allow trusted services)".into()),
                        ],
                        |d| match d.network.bypass {
                            Bypass::KeepCurrent => "KeepCurrent".into(),
                            Bypass::None => "None".into(),
                            Bypass::AzureServices => "AzureServices".into(),
                        },
                        |d, v| {
                            d.network.bypass = match v {
                                "AzureServices" => Bypass::AzureServices,
                                "None" => Bypass::None,
                                _ => Bypass::KeepCurrent,
                            }
                        },
                    )}
                </Show>
                {ip_rules_editor()}
                {removal_list(Lines::RemoveIpRules)}
                {vnet_rules_editor()}
                {removal_list(Lines::RemoveSubnets)}
                <Show when=move || blocks_all.get()>
                    {checkbox(
                        "I accept that nothing can reach the account after this script (no IP rule, subnet rule or private endpoint lets anyone in).".into(),
                        "network.accept_no_access".into(),
                        |d| d.network.accept_no_access,
                        |d, v| d.network.accept_no_access = v,
                    )}
                </Show>
            </Show>
            {connections_editor()}
        </Show>
    }
    .into_any()
}

/// Single rules to remove while the list above is added to (an exact list removes by leaving
/// out, so this is hidden then).
fn removal_list(lines: Lines) -> AnyView {
    let state = expect_context::<AppState>();
    let shown = memo(move |_| {
        state.draft.with(|d| match lines {
            Lines::RemoveSubnets => !d.network.vnet_rules_exact,
            _ => !d.network.ip_rules_exact,
        })
    });
    view! {
        <Show when=move || shown.get()>
            {lines_editor(lines)}
            {field_messages(lines.names().0.into())}
        </Show>
    }
    .into_any()
}

/// Approve, reject or delete the private endpoint connections the imported account lists
/// (endpoints other teams own).
fn connections_editor() -> AnyView {
    let state = expect_context::<AppState>();
    let listed = memo(move |_| {
        // Read from the draft, not the valid configuration: the list stays while the form has
        // an error (the delete acknowledgement below is one).
        state.draft.with(|d| {
            d.current_state
                .as_ref()
                .and_then(|s| validate_current_state(s, None, &mut Vec::new()))
                .and_then(|s| s.account)
                .map(|a| a.endpoint_connections)
                .unwrap_or_default()
        })
    });
    let any_delete = memo(move |_| {
        state.draft.with(|d| {
            d.network
                .endpoint_connections
                .iter()
                .any(|entry| entry.starts_with("delete "))
        })
    });
    view! {
        <Show when=move || !listed.with(Vec::is_empty)>
            <fieldset id=dom_id("network.endpoint_connections") tabindex="-1">
                <legend>"Private endpoint connections"</legend>
                <p class="hint">"Endpoints (often other teams') connected to this account, as imported. Approve, reject or delete a connection from the account's side; the scripts skip what is already so."</p>
                {move || listed.get().into_iter().enumerate().map(|(i, c)| connection_choice(i, c)).collect_view()}
                {field_messages("network.endpoint_connections".into())}
                <Show when=move || any_delete.get()>
                    {checkbox(
                        "I understand that a deleted connection cannot be restored: its endpoint loses access until its owner requests a new connection and it is approved.".into(),
                        "network.acknowledge_connection_delete".into(),
                        |d| d.network.acknowledge_connection_delete,
                        |d, v| d.network.acknowledge_connection_delete = v,
                    )}
                </Show>
            </fieldset>
        </Show>
    }
    .into_any()
}

/// One connection and what to do with it.
fn connection_choice(index: usize, connection: ConnectionState) -> AnyView {
    let state = expect_context::<AppState>();
    let id = format!("conn-{index}");
    let endpoint = connection
        .private_endpoint_id
        .rsplit('/')
        .next()
        .unwrap_or_default();
    let label = format!(
        "{} (endpoint {endpoint}): {}",
        connection.name, connection.status
    );
    let name = connection.name;
    let current = name.clone();
    let decided = move || {
        state.draft.with(|d| {
            d.network
                .endpoint_connections
                .iter()
                .filter_map(|entry| ConnectionDecision::parse(entry))
                .find(|(_, name)| *name == current)
                .map_or("keep", |(decision, _)| decision.verb())
        })
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select
                id=id
                prop:value=decided
                on:change=move |ev| {
                    let verb = event_target_value(&ev);
                    let decision = ConnectionDecision::ALL.into_iter().find(|d| d.verb() == verb);
                    state.draft.update(|d| {
                        let list = &mut d.network.endpoint_connections;
                        list.retain(|entry| ConnectionDecision::parse(entry).is_none_or(|(_, n)| n != name));
                        if let Some(decision) = decision {
                            list.push(decision.entry(&name));
                        }
                    });
                }
            >
                <option value="keep">"Keep as it is"</option>
                <option value="approve">"Approve"</option>
                <option value="reject">"Reject"</option>
                <option value="delete">"Delete (cannot be undone)"</option>
            </select>
        </div>
    }
    .into_any()
}

fn ip_rules_editor() -> AnyView {
    let state = expect_context::<AppState>();
    let count = memo(move |_| state.draft.with(|d| d.network.ip_rules.len()));
    // Each row reads its own entry, not the draft: a keystroke re-reads one row at most.
    let rows = rows_of!(state, network.ip_rules);
    let paste = RwSignal::new(String::new());
    let as_text = RwSignal::new(false);
    let add_pasted = move |_| {
        let entries = split_pasted_addresses(&paste.get());
        if !entries.is_empty() {
            let first = count.get_untracked();
            let added = entries.len();
            state.draft.update(|d| d.network.ip_rules.extend(entries));
            // Pasting is a finished act: say at once what is wrong with each new entry.
            state.touched.update(|t| {
                for i in first..first + added {
                    t.field(&format!("network.ip_rules.{i}"));
                }
            });
            paste.set(String::new());
        }
    };
    let add_one = move |_| IP_RULES.add(state);
    view! {
        <fieldset id=dom_id("network.ip_rules") tabindex="-1">
            <legend>"Public IP rules " <span class="count">"("{move || count.get()}" of at most "{MAX_RULES}")"</span></legend>
            <p class="hint">"Public IPv4 addresses or CIDR ranges (/30 or wider) of your clients, e.g. your offices' NAT addresses. Private ranges cannot be allowed here: use a virtual-network rule or a private endpoint."</p>
            {checkbox("Make it exactly this list: remove the account's other IP rules (each script names them before removing them)".into(), "network.ip_rules_exact".into(), |d| d.network.ip_rules_exact, |d, v| d.network.ip_rules_exact = v)}
            <label class="inline-toggle">
                <input type="checkbox" id="ip-as-text" prop:checked=move || as_text.get() on:change=move |ev| as_text.set(event_target_checked(&ev)) />
                " Edit as text (one per line)"
            </label>
            <Show
                when=move || as_text.get()
                fallback=move || {
                    let rows = rows.clone();
                    view! {
                        {indexed_rows(count, move |i| ip_row(i, &rows))}
                        <button type="button" id=IP_RULES.add_button on:click=add_one>"Add an address"</button>
                        <div class="field">
                            <label for="ip-paste">"Or paste many (one per line, or separated by commas or spaces)"</label>
                            <textarea id="ip-paste" rows="3" prop:value=move || paste.get() on:input=move |ev| paste.set(event_target_value(&ev))></textarea>
                            <button type="button" id="ip-paste-add" on:click=add_pasted>"Add pasted addresses"</button>
                        </div>
                    }
                }
            >
                {lines_editor(Lines::IpRules)}
            </Show>
            {field_messages("network.ip_rules".into())}
        </fieldset>
    }
    .into_any()
}

fn ip_row(index: usize, rows: &Rows) -> AnyView {
    let state = expect_context::<AppState>();
    let remove = move |_| IP_RULES.remove(state, index);
    view! {
        <div class="row">
            {text_input_in(
                row_scope(rows.row(index)),
                format!("IP rule {}", index + 1),
                format!("network.ip_rules.{index}"),
                Extras { placeholder: "203.0.113.0/24", ..Extras::default() },
                move |d| d.network.ip_rules.get(index).cloned().unwrap_or_default(),
                move |d, v| {
                    if let Some(entry) = d.network.ip_rules.get_mut(index) {
                        *entry = v;
                    }
                },
            )}
            <button
                type="button"
                class="remove"
                aria-label=format!("Remove IP rule {}", index + 1)
                on:click=remove
            >
                "Remove"
            </button>
        </div>
    }
    .into_any()
}

fn vnet_rules_editor() -> AnyView {
    let state = expect_context::<AppState>();
    let count = memo(move |_| state.draft.with(|d| d.network.vnet_rules.len()));
    let rows = rows_of!(state, network.vnet_rules);
    view! {
        <fieldset id=dom_id("network.vnet_rules") tabindex="-1">
            <legend>"Virtual-network rules " <span class="count">"("{move || count.get()}" of at most "{MAX_RULES}")"</span></legend>
            <p class="hint">"Subnets whose traffic is allowed through the Microsoft.CognitiveServices service endpoint. They may be in other subscriptions or other Entra tenants (the portal cannot configure other tenants; these scripts can)."</p>
            {checkbox("Make it exactly this list: remove the account's other virtual-network rules (named before they are removed)".into(), "network.vnet_rules_exact".into(), |d| d.network.vnet_rules_exact, |d, v| d.network.vnet_rules_exact = v)}
            {indexed_rows(count, move |i| vnet_row(i, &rows))}
            <button type="button" id=VNET_RULES.add_button on:click=move |_| VNET_RULES.add(state)>
                "Add a subnet"
            </button>
            {field_messages("network.vnet_rules".into())}
        </fieldset>
    }
    .into_any()
}

fn vnet_row(index: usize, rows: &Rows) -> AnyView {
    let state = expect_context::<AppState>();
    // This row's fields read again only when this row changes.
    let row = rows.row(index);
    let by_parts = scoped_memo(row_scope(row), move |d| {
        d.network
            .vnet_rules
            .get(index)
            .is_some_and(|r| r.input == SubnetInput::Parts)
    });
    let path = move |part: &str| format!("network.vnet_rules.{index}.{part}");
    // Reads and writes one string field of this row.
    macro_rules! part_input {
        ($label:expr, $part:literal, $field:ident, $extras:expr) => {
            text_input_in(
                row_scope(row),
                $label.into(),
                path($part),
                $extras,
                move |d| {
                    d.network
                        .vnet_rules
                        .get(index)
                        .map(|r| r.$field.clone())
                        .unwrap_or_default()
                },
                move |d, v| {
                    if let Some(r) = d.network.vnet_rules.get_mut(index) {
                        r.$field = v;
                    }
                },
            )
        };
    }
    view! {
        <div class="vnet-rule">
            <h3>"Subnet "{index + 1}</h3>
            <div class="field">
                <label for=dom_id(&path("input"))>"Identify the subnet by"</label>
                <select
                    id=dom_id(&path("input"))
                    prop:value=move || if by_parts.get() { "parts" } else { "resource_id" }
                    on:change=move |ev| {
                        let parts = event_target_value(&ev) == "parts";
                        state.draft.update(|d| {
                            if let Some(r) = d.network.vnet_rules.get_mut(index) {
                                r.input = if parts { SubnetInput::Parts } else { SubnetInput::ResourceId };
                            }
                        });
                    }
                >
                    <option value="resource_id">"its full resource ID"</option>
                    <option value="parts">"subscription, group, network and subnet names"</option>
                </select>
            </div>
            <Show
                when=move || by_parts.get()
                fallback=move || part_input!("Subnet resource ID", "subnet_id", subnet_id, Extras {
                    placeholder: "/subscriptions/…/resourceGroups/…/providers/Microsoft.Network/virtualNetworks/…/subnets/…",
                    ..Extras::default()
                })
            >
                {part_input!("Subscription ID (empty: the target's)", "subscription_id", subscription_id, Extras::default())}
                {part_input!("Resource group", "resource_group", resource_group, Extras::default())}
                {part_input!("Virtual network", "vnet", vnet, Extras::default())}
                {part_input!("Subnet", "subnet", subnet, Extras::default())}
            </Show>
            {part_input!("Tenant ID, if the subnet is in another Entra tenant", "tenant_id", tenant_id, Extras { hint: "Leave empty for the same tenant.", ..Extras::default() })}
            {checkbox_in(
                row_scope(row),
                "Enable the Microsoft.CognitiveServices service endpoint on this subnet (its other endpoints and settings are kept)".into(),
                path("enable_service_endpoint"),
                move |d| d.network.vnet_rules.get(index).is_some_and(|r| r.enable_service_endpoint),
                move |d, v| {
                    if let Some(r) = d.network.vnet_rules.get_mut(index) {
                        r.enable_service_endpoint = v;
                    }
                },
            )}
            <button
                type="button"
                class="remove"
                on:click=move |_| VNET_RULES.remove(state, index)
            >
                "Remove subnet "{index + 1}
            </button>
        </div>
    }
    .into_any()
}
