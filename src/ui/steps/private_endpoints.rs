//! Step 4: private endpoints and their DNS. Endpoints are a list (add, remove); the DNS mode
//! decides what the outputs create; endpoints to delete are a second list; the notes say what
//! an endpoint does not do.

use leptos::prelude::*;

use crate::ui::erased::{indexed_rows, memo, Show};

use crate::core::diagnostics::dom_id;
use crate::core::draft::{Draft, SubnetInput};
use crate::core::private_endpoints::draft::{DnsMode, EndpointDraft, RemovalDraft};
use crate::core::private_endpoints::{LinkService, LinkType};
use crate::core::resource_kinds::ResourceType;
use crate::ui::fields::{
    checkbox, checkbox_in, field_messages, row_scope, rows_of, scoped_memo, select_input,
    select_input_in, text_input, text_input_in, Extras, RowList, Rows,
};
use crate::ui::state::AppState;

const ENDPOINTS: RowList<EndpointDraft> = RowList {
    path: "private_endpoints.endpoints",
    first_field: ".input",
    add_button: "pe-add",
    entries: |d| &mut d.private_endpoints.endpoints,
};

const REMOVALS: RowList<RemovalDraft> = RowList {
    path: "private_endpoints.removals",
    first_field: ".endpoint_id",
    add_button: "pe-remove-add",
    entries: |d| &mut d.private_endpoints.removals,
};

pub fn private_endpoints_step() -> impl IntoView {
    let state = expect_context::<AppState>();
    let count = memo(move |_| state.draft.with(|d| d.private_endpoints.endpoints.len()));
    let removals = memo(move |_| state.draft.with(|d| d.private_endpoints.removals.len()));
    let mode = memo(move |_| state.draft.with(|d| d.private_endpoints.dns_mode));
    // Each endpoint's fields read their own entry: a keystroke re-reads one endpoint at most.
    let rows = rows_of!(state, private_endpoints.endpoints);
    let resource_type = memo(move |_| state.draft.with(|d| d.target.resource_type));
    view! {
        <p class="lead">
            "A private endpoint gives the resource a private IP in your virtual network. It does not close the public endpoint: tick the box below the endpoints (or use Network rules) for that, which runs only after the endpoints and their DNS are in place."
        </p>
        {checkbox("Include this step".into(), "private_endpoints.enabled".into(), |d| d.private_endpoints.enabled, |d, v| d.private_endpoints.enabled = v)}
        <fieldset id=dom_id("private_endpoints.endpoints") tabindex="-1">
            <legend>"Endpoints " <span class="count">{move || format!("({})", count.get())}</span></legend>
            {indexed_rows(count, move |i| endpoint_row(i, &rows, resource_type).into_any())}
            <button type="button" id=ENDPOINTS.add_button on:click=move |_| ENDPOINTS.add(state)>
                "Add an endpoint"
            </button>
            {field_messages("private_endpoints.custom_domain".into())}
        </fieldset>
        {select_input(
            "Private DNS",
            "private_endpoints.dns_mode",
            "",
            DnsMode::ALL.map(|m| (m.id().to_owned(), m.label().to_owned())).to_vec(),
            |d| d.private_endpoints.dns_mode.id().to_owned(),
            |d, v| {
                if let Some(m) = DnsMode::ALL.into_iter().find(|m| m.id() == v) {
                    d.private_endpoints.dns_mode = m;
                }
            },
        )}
        <Show when=move || mode.get() == DnsMode::CreateZones>
            {text_input("Resource group of the zones (empty: the target's)".into(), "private_endpoints.zone_resource_group".into(), Extras::default(), |d| d.private_endpoints.zone_resource_group.clone(), |d, v| d.private_endpoints.zone_resource_group = v)}
        </Show>
        <Show when=move || mode.get() == DnsMode::ExistingZones>
            {text_input(
                "Existing private DNS zone IDs (separated by spaces)".into(),
                "private_endpoints.existing_zone_ids".into(),
                Extras { hint: "Hub and spoke: the zones in the central DNS subscription. The outputs only attach them.", ..Extras::default() },
                |d| d.private_endpoints.existing_zone_ids.join(" "),
                |d, v| d.private_endpoints.existing_zone_ids = v.split_whitespace().map(str::to_owned).collect(),
            )}
        </Show>
        <Show when=move || mode.get() == DnsMode::OwnDns>
            <p class="hint">"The outputs print the A records to create in privatelink zones on your DNS servers, and the public zones to forward. Forwarding to Azure DNS (168.63.129.16) works only from a virtual network linked to private DNS zones that hold the records: this mode creates none."</p>
        </Show>
        {checkbox("Then close public access (publicNetworkAccess Disabled) on the resource and on each hub resource given an endpoint here".into(), "private_endpoints.close_public_access".into(), |d| d.private_endpoints.close_public_access, |d, v| d.private_endpoints.close_public_access = v)}
        <fieldset id=dom_id("private_endpoints.removals") tabindex="-1">
            <legend>"Endpoints to delete " <span class="count">{move || format!("({})", removals.get())}</span></legend>
            <p class="hint">"Deleting an endpoint does not make the resource public again. The private DNS zones stay: other endpoints may use them."</p>
            {indexed_rows(removals, |i| removal_row(i).into_any())}
            <button type="button" id=REMOVALS.add_button on:click=move |_| REMOVALS.add(state)>
                "Add an endpoint to delete"
            </button>
            {checkbox("Re-enable public access on the resource first (publicNetworkAccess Enabled)".into(), "private_endpoints.reopen_public_access".into(), |d| d.private_endpoints.reopen_public_access, |d, v| d.private_endpoints.reopen_public_access = v)}
        </fieldset>
    }
}

fn endpoint_row(index: usize, rows: &Rows, resource_type: Memo<ResourceType>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let row = rows.row(index);
    let path = move |part: &str| format!("private_endpoints.endpoints.{index}.{part}");
    let entry = move |d: &Draft, read: fn(&EndpointDraft) -> bool| {
        d.private_endpoints.endpoints.get(index).is_some_and(read)
    };
    let manual = scoped_memo(row_scope(row), move |d| entry(d, |e| e.manual_approval));
    let by_parts = scoped_memo(row_scope(row), move |d| {
        entry(d, |e| e.input == SubnetInput::Parts)
    });
    let dependent = scoped_memo(row_scope(row), move |d| {
        entry(d, |e| e.service != LinkService::Target)
    });
    let groups = scoped_memo(row_scope(row), move |d| {
        let service = d
            .private_endpoints
            .endpoints
            .get(index)
            .map(|e| e.service)
            .unwrap_or_default();
        LinkType::of(service, resource_type.get())
            .group_ids()
            .join(", ")
    });
    macro_rules! part_input {
        ($label:expr, $part:literal, $field:ident, $extras:expr) => {
            text_input_in(
                row_scope(row),
                $label.into(),
                path($part),
                $extras,
                move |d| {
                    d.private_endpoints
                        .endpoints
                        .get(index)
                        .map(|e| e.$field.clone())
                        .unwrap_or_default()
                },
                move |d, v| {
                    if let Some(e) = d.private_endpoints.endpoints.get_mut(index) {
                        e.$field = v;
                    }
                },
            )
        };
    }
    macro_rules! part_checkbox {
        ($label:expr, $part:literal, $field:ident) => {
            checkbox_in(
                row_scope(row),
                $label.into(),
                path($part),
                move |d| entry(d, |e| e.$field),
                move |d, v| {
                    if let Some(e) = d.private_endpoints.endpoints.get_mut(index) {
                        e.$field = v;
                    }
                },
            )
        };
    }
    let remove = move |_| ENDPOINTS.remove(state, index);
    view! {
        <div class="vnet-rule">
            <h3>{format!("Endpoint {}", index + 1)}</h3>
            <Show when=move || resource_type.get() == ResourceType::MlHub>
                {select_input_in(
                    row_scope(row),
                    "Connects to",
                    path("service"),
                    "An AI Studio hub is isolated with its storage (blob and file: one endpoint each), key vault, container registry, AI Search and AI services account.",
                    LinkService::ALL.map(|s| (s.id().to_owned(), s.label().to_owned())).to_vec(),
                    move |d| d.private_endpoints.endpoints.get(index).map(|e| e.service.id()).unwrap_or_default().to_owned(),
                    move |d, v| {
                        if let (Some(e), Some(s)) = (d.private_endpoints.endpoints.get_mut(index), LinkService::from_id(v)) {
                            e.service = s;
                        }
                    },
                )}
                <Show when=move || dependent.get()>
                    {part_input!("Its resource ID", "resource_id", resource_id, Extras {
                        placeholder: "/subscriptions/…/resourceGroups/…/providers/…",
                        ..Extras::default()
                    })}
                </Show>
            </Show>
            {select_input_in(
                row_scope(row),
                "Identify the subnet by",
                path("input"),
                "",
                vec![("resource_id".into(), "its full resource ID".into()), ("parts".into(), "subscription, group, network and subnet names".into())],
                move |d| if entry(d, |e| e.input == SubnetInput::Parts) { "parts".into() } else { "resource_id".into() },
                move |d, v| {
                    if let Some(e) = d.private_endpoints.endpoints.get_mut(index) {
                        e.input = if v == "parts" { SubnetInput::Parts } else { SubnetInput::ResourceId };
                    }
                },
            )}
            <Show
                when=move || by_parts.get()
                fallback=move || part_input!("Subnet resource ID", "subnet_id", subnet_id, Extras {
                    placeholder: "/subscriptions/…/resourceGroups/…/providers/Microsoft.Network/virtualNetworks/…/subnets/…",
                    ..Extras::default()
                })
            >
                {part_input!("Subscription ID of the virtual network (empty: the target's)", "subscription_id", subscription_id, Extras::default())}
                {part_input!("Resource group of the virtual network", "resource_group", resource_group, Extras::default())}
                {part_input!("Virtual network", "vnet", vnet, Extras::default())}
                {part_input!("Subnet", "subnet", subnet, Extras::default())}
            </Show>
            {part_input!("Tenant ID, if the virtual network is in another Entra tenant", "tenant_id", tenant_id, Extras { hint: "Leave empty for the same tenant.", ..Extras::default() })}
            {part_checkbox!("Disable private endpoint network policies on the subnet first (its other settings are kept)", "disable_network_policies", disable_network_policies)}
            <p class="hint">{move || format!("Sub-resources: {}", groups.get())}</p>
            {part_input!("Sub-resource (empty: the first)", "group_id", group_id, Extras::default())}
            {part_input!("Endpoint name (empty: derived from the resource)", "name", name, Extras::default())}
            {part_input!("Connection name (empty: derived from the endpoint name)", "connection_name", connection_name, Extras::default())}
            {part_input!("Resource group of the endpoint (empty: the virtual network's)", "endpoint_resource_group", endpoint_resource_group, Extras::default())}
            {part_input!("Region of the virtual network (empty: the resource's)", "location", location, Extras::default())}
            {part_checkbox!("Manual approval (the resource's owner approves)", "manual_approval", manual_approval)}
            <Show when=move || manual.get()>
                {part_input!("Request message (at most 140 characters)", "request_message", request_message, Extras::default())}
            </Show>
            <button type="button" class="remove" on:click=remove>
                {format!("Remove endpoint {}", index + 1)}
            </button>
        </div>
    }
}

fn removal_row(index: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let path = move |part: &str| format!("private_endpoints.removals.{index}.{part}");
    let remove = move |_| REMOVALS.remove(state, index);
    view! {
        <div class="vnet-rule">
            {text_input(
                format!("Resource ID of the endpoint to delete ({})", index + 1),
                path("endpoint_id"),
                Extras { placeholder: "/subscriptions/…/resourceGroups/…/providers/Microsoft.Network/privateEndpoints/…", ..Extras::default() },
                move |d| d.private_endpoints.removals.get(index).map(|r| r.endpoint_id.clone()).unwrap_or_default(),
                move |d, v| {
                    if let Some(r) = d.private_endpoints.removals.get_mut(index) {
                        r.endpoint_id = v;
                    }
                },
            )}
            {checkbox(
                "Delete its DNS zone group first (removes its A records; the zones stay)".into(),
                path("delete_zone_group"),
                move |d| d.private_endpoints.removals.get(index).is_some_and(|r| r.delete_zone_group),
                move |d, v| {
                    if let Some(r) = d.private_endpoints.removals.get_mut(index) {
                        r.delete_zone_group = v;
                    }
                },
            )}
            <button type="button" class="remove" on:click=remove>
                {format!("Do not delete endpoint {}", index + 1)}
            </button>
        </div>
    }
}
