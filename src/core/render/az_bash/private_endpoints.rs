//! Private endpoints and private DNS with az.

use crate::core::config::Resource;
use crate::core::plan::{EndpointAction, Plan, AZURE_DNS};
use crate::core::private_endpoints::config::{Approval, Endpoint};
use crate::core::quote::bash;
use crate::core::render::template::{fill, Flag, Text};

pub(super) fn step_body(plan: &Plan, action: &EndpointAction) -> String {
    match action {
        EndpointAction::DisableNetworkPolicies { subnet, .. } => fill(
            include_str!("templates/disable_network_policies.sh"),
            &[Text("subnet_id", &bash(&subnet.to_string()))],
        ),
        EndpointAction::CreateZone { zone } => fill(
            include_str!("templates/create_zone.sh"),
            &[
                Text("subscription", &bash(zone.subscription_id())),
                Text("resource_group", &bash(zone.resource_group())),
                Text("zone", &bash(&zone.name)),
            ],
        ),
        EndpointAction::LinkZone {
            zone,
            vnet_id,
            link_name,
        } => fill(
            include_str!("templates/link_zone.sh"),
            &[
                Text("subscription", &bash(zone.subscription_id())),
                Text("resource_group", &bash(zone.resource_group())),
                Text("zone", &bash(&zone.name)),
                Text("link", &bash(link_name)),
                Text("vnet_id", &bash(vnet_id)),
            ],
        ),
        EndpointAction::CreateEndpoint { endpoint } => create_endpoint(plan, endpoint),
        EndpointAction::AttachZoneGroup { endpoint } => endpoint
            .zones
            .iter()
            .map(|zone| {
                fill(
                    include_str!("templates/attach_zone.sh"),
                    &[
                        Text("zone_id", &bash(&zone.id)),
                        Text("zone", &zone.name),
                        Text("config_name", &bash(&zone.config_name())),
                        Text("subscription", &bash(endpoint.subscription_id())),
                        Text("resource_group", &bash(&endpoint.resource_group)),
                        Text("name", &bash(&endpoint.name)),
                    ],
                )
            })
            .collect(),
        EndpointAction::ShowDnsRecords { endpoint } => {
            let zones: Vec<&str> = endpoint.zones.iter().map(|z| z.name.as_str()).collect();
            let forwarded: Vec<&str> = endpoint.zones.iter().map(|z| z.forwarded_zone()).collect();
            fill(
                include_str!("templates/show_dns_records.sh"),
                &[
                    Text("zones", &zones.join(", ")),
                    Text("forwarded", &forwarded.join(", ")),
                    Text("azure_dns", AZURE_DNS),
                    Text("subscription", &bash(endpoint.subscription_id())),
                    Text("resource_group", &bash(&endpoint.resource_group)),
                    Text("name", &bash(&endpoint.name)),
                ],
            )
        }
        EndpointAction::ClientGuidance { lines } => lines
            .iter()
            .map(|line| format!("echo {}\n", bash(&format!("  {line}"))))
            .collect(),
        EndpointAction::DeleteEndpoint { removal } => fill(
            include_str!("templates/delete_endpoint.sh"),
            &[
                Flag("zone_group", removal.delete_zone_group),
                Text("subscription", &bash(&removal.subscription_id)),
                Text("resource_group", &bash(&removal.resource_group)),
                Text("name", &bash(&removal.name)),
            ],
        ),
    }
}

fn create_endpoint(plan: &Plan, endpoint: &Endpoint) -> String {
    let target = plan.target();
    let on_own_account = matches!(target.resource, Resource::CognitiveServices { .. })
        && endpoint
            .resource_id
            .eq_ignore_ascii_case(&target.resource_id());
    let manual = match &endpoint.approval {
        Approval::Automatic => String::new(),
        Approval::Manual { request_message } if request_message.is_empty() => {
            " --manual-request true".to_owned()
        }
        Approval::Manual { request_message } => {
            format!(
                " --manual-request true --request-message {}",
                bash(request_message)
            )
        }
    };
    let list_command = format!(
        "    az network private-endpoint-connection list --id {} --query \"[?contains(properties.privateEndpoint.id, '/{}')].id\" --output tsv",
        bash(&endpoint.resource_id),
        endpoint.name
    );
    fill(
        include_str!("templates/create_endpoint.sh"),
        &[
            Flag(
                "check_subdomain",
                on_own_account && plan.config.custom_domain.is_none(),
            ),
            Flag("manual", !manual.is_empty()),
            Text("manual", &manual),
            Text("list_command", &bash(&list_command)),
            Text("subscription", &bash(endpoint.subscription_id())),
            Text("resource_group", &bash(&endpoint.resource_group)),
            Text("name", &bash(&endpoint.name)),
            Text("location", &bash(&endpoint.location)),
            Text("subnet_id", &bash(&endpoint.subnet.to_string())),
            Text("resource_id", &bash(&endpoint.resource_id)),
            Text("group_id", &bash(&endpoint.group_id)),
            Text("connection", &bash(&endpoint.connection_name)),
        ],
    )
}
