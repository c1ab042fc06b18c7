//! Step 4: private endpoints and their DNS. Endpoints are a list (add, remove); the DNS mode
//! decides what the outputs create; the notes say what an endpoint does not do.

use leptos::prelude::*;

use crate::core::diagnostics::dom_id;
use crate::core::private_endpoints::draft::{DnsMode, EndpointDraft};
use crate::core::private_endpoints::LinkType;
use crate::ui::fields::{checkbox, field_messages, text_input, Extras};
use crate::ui::state::AppState;

pub fn private_endpoints_step() -> impl IntoView {
    let state = expect_context::<AppState>();
    let count = Memo::new(move |_| state.draft.with(|d| d.private_endpoints.endpoints.len()));
    let mode = Memo::new(move |_| state.draft.with(|d| d.private_endpoints.dns_mode));
    view! {
        <p class="lead">
            "A private endpoint gives the resource a private IP in your virtual network. It does not close the public endpoint: tick the last box (or use Network rules) for that, which runs only after the endpoints and their DNS are in place."
        </p>
        {checkbox("Include this step".into(), "private_endpoints.enabled".into(), |d| d.private_endpoints.enabled, |d, v| d.private_endpoints.enabled = v)}
        <fieldset id=dom_id("private_endpoints.endpoints") tabindex="-1">
            <legend>"Endpoints " <span class="count">{move || format!("({})", count.get())}</span></legend>
            <For each=move || 0..count.get() key=|i| *i children=endpoint_row />
            <button type="button" id="pe-add" on:click=move |_| state.draft.update(|d| d.private_endpoints.endpoints.push(EndpointDraft::default()))>
                "Add an endpoint"
            </button>
            {field_messages("private_endpoints.custom_domain".into())}
        </fieldset>
        <div class="field">
            <label for=dom_id("private_endpoints.dns_mode")>"Private DNS"</label>
            <select
                id=dom_id("private_endpoints.dns_mode")
                prop:value=move || mode.get().id()
                on:change=move |ev| {
                    let id = event_target_value(&ev);
                    if let Some(m) = DnsMode::ALL.into_iter().find(|m| m.id() == id) {
                        state.draft.update(|d| d.private_endpoints.dns_mode = m);
                    }
                }
            >
                {DnsMode::ALL.map(|m| view! { <option value=m.id()>{m.label()}</option> })}
            </select>
        </div>
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
            <p class="hint">"The outputs print the A records to create and the public zones to forward to Azure DNS (168.63.129.16) from a resolver inside the virtual network."</p>
        </Show>
        {checkbox("Then close public access (publicNetworkAccess Disabled)".into(), "private_endpoints.close_public_access".into(), |d| d.private_endpoints.close_public_access, |d, v| d.private_endpoints.close_public_access = v)}
        {checkbox("Re-enable public access (before any removal in the configuration file)".into(), "private_endpoints.reopen_public_access".into(), |d| d.private_endpoints.reopen_public_access, |d, v| d.private_endpoints.reopen_public_access = v)}
    }
}

fn endpoint_row(index: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let path = move |part: &str| format!("private_endpoints.endpoints.{index}.{part}");
    let manual = Memo::new(move |_| {
        state.draft.with(|d| {
            d.private_endpoints
                .endpoints
                .get(index)
                .is_some_and(|e| e.manual_approval)
        })
    });
    let groups = Memo::new(move |_| {
        state.draft.with(|d| {
            let service = d
                .private_endpoints
                .endpoints
                .get(index)
                .map(|e| e.service)
                .unwrap_or_default();
            LinkType::of(service, d.target.resource_type)
                .group_ids()
                .join(", ")
        })
    });
    macro_rules! part_input {
        ($label:expr, $part:literal, $field:ident, $extras:expr) => {
            text_input(
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
    view! {
        <div class="vnet-rule">
            <h4>{format!("Endpoint {}", index + 1)}</h4>
            {part_input!("Subnet resource ID", "subnet_id", subnet_id, Extras {
                placeholder: "/subscriptions/…/resourceGroups/…/providers/Microsoft.Network/virtualNetworks/…/subnets/…",
                ..Extras::default()
            })}
            <p class="hint">{move || format!("Sub-resources: {}", groups.get())}</p>
            {part_input!("Sub-resource (empty: the first)", "group_id", group_id, Extras::default())}
            {part_input!("Endpoint name (empty: derived from the resource)", "name", name, Extras::default())}
            {part_input!("Region of the virtual network (empty: the resource's)", "location", location, Extras::default())}
            {checkbox(
                "Manual approval (the resource's owner approves)".into(),
                path("manual_approval"),
                move |d| d.private_endpoints.endpoints.get(index).is_some_and(|e| e.manual_approval),
                move |d, v| {
                    if let Some(e) = d.private_endpoints.endpoints.get_mut(index) {
                        e.manual_approval = v;
                    }
                },
            )}
            <Show when=move || manual.get()>
                {part_input!("Request message (at most 140 characters)", "request_message", request_message, Extras::default())}
            </Show>
            <button
                type="button"
                class="remove"
                on:click=move |_| state.draft.update(|d| {
                    if index < d.private_endpoints.endpoints.len() {
                        d.private_endpoints.endpoints.remove(index);
                    }
                })
            >
                {format!("Remove endpoint {}", index + 1)}
            </button>
        </div>
    }
}
