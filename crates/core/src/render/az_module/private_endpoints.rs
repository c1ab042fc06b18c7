//! Private endpoints and private DNS with Az cmdlets.

use crate::plan::{EndpointAction, Plan};
use crate::private_endpoints::config::{Approval, Endpoint};
use crate::quote::{powershell, powershell_array};
use crate::render::private_endpoint_steps::{
    client_guidance, create_zone, delete_endpoint, dependent_public_access, link_zone,
    on_own_account, show_dns_records,
};
use crate::render::tags::AZ_MODULE;
use crate::render::templates::az_module as templates;
use crate::render::templates::{AttachZoneGroup, CreateEndpoint, DisableNetworkPolicies};

fn tenant(tenant_id: Option<&str>) -> String {
    tenant_id
        .map(|t| format!(" -Tenant {}", powershell(t)))
        .unwrap_or_default()
}

pub(super) fn step_body(plan: &Plan, action: &EndpointAction) -> String {
    match action {
        EndpointAction::DisableNetworkPolicies { subnet, tenant_id } => DisableNetworkPolicies {
            subscription: &powershell(&subnet.subscription_id),
            tenant: &tenant(tenant_id.as_deref()),
            resource_group: &powershell(&subnet.resource_group),
            vnet: &powershell(&subnet.vnet),
            subnet: &powershell(&subnet.subnet),
            // The az templates' subnet by ID.
            subnet_id: "",
        }
        .fill(templates::DISABLE_NETWORK_POLICIES),
        EndpointAction::CreateZone { zone } => {
            let tags = AZ_MODULE.of(plan).inline;
            create_zone(templates::CREATE_ZONE, powershell, zone, tags)
        }
        EndpointAction::LinkZone {
            zone,
            vnet_id,
            link_name,
        } => link_zone(
            templates::LINK_ZONE,
            powershell,
            zone,
            vnet_id,
            link_name,
            AZ_MODULE.of(plan).inline,
        ),
        EndpointAction::CreateEndpoint { endpoint } => create_endpoint(plan, endpoint),
        EndpointAction::AttachZoneGroup { endpoint } => {
            let ids: Vec<String> = endpoint.zones.iter().map(|z| z.id.clone()).collect();
            AttachZoneGroup {
                zone_ids: &powershell_array(&ids),
                subscription: &powershell(endpoint.subscription_id()),
                resource_group: &powershell(&endpoint.resource_group),
                name: &powershell(&endpoint.name),
            }
            .fill(templates::ATTACH_ZONE_GROUP)
        }
        EndpointAction::ShowDnsRecords { endpoint } => show_dns_records(
            templates::SHOW_DNS_RECORDS,
            powershell,
            "Write-Host",
            plan,
            endpoint,
        ),
        EndpointAction::ClientGuidance { lines } => {
            client_guidance("Write-Host", powershell, lines)
        }
        EndpointAction::DeleteEndpoint { removal } => {
            delete_endpoint(templates::DELETE_ENDPOINT, powershell, removal)
        }
        EndpointAction::CloseDependentPublicAccess {
            resource_id,
            link_type,
        } => dependent_public_access(
            crate::render::templates::powershell_shared::SET_RESOURCE_PUBLIC_ACCESS,
            powershell,
            plan,
            resource_id,
            *link_type,
            true,
            &crate::render::close_guard::powershell_guard(
                plan,
                &crate::plan::Action::PrivateEndpoint(action.clone()),
            ),
        ),
    }
}

fn create_endpoint(plan: &Plan, endpoint: &Endpoint) -> String {
    let (manual, request_message) = match &endpoint.approval {
        Approval::Automatic => (false, String::new()),
        Approval::Manual { request_message } if request_message.is_empty() => (true, String::new()),
        Approval::Manual { request_message } => (
            true,
            format!(" -RequestMessage {}", powershell(request_message)),
        ),
    };
    let list_command = format!(
        "    Get-AzPrivateEndpointConnection -PrivateLinkResourceId {} | Where-Object {{ $_.PrivateEndpoint.Id -like '*/{}' }} | Select-Object -ExpandProperty Id",
        powershell(&endpoint.resource_id),
        endpoint.name
    );
    CreateEndpoint {
        check_subdomain: on_own_account(plan, endpoint) && plan.config.custom_domain.is_none(),
        manual,
        by_manual_request: if manual { " -ByManualRequest" } else { "" },
        request_message: &request_message,
        list_command: &powershell(&list_command),
        subscription: &powershell(endpoint.subscription_id()),
        tenant: &tenant(endpoint.tenant_id.as_deref()),
        resource_group: &powershell(&endpoint.resource_group),
        name: &powershell(&endpoint.name),
        location: &powershell(&endpoint.location),
        vnet_resource_group: &powershell(&endpoint.subnet.resource_group),
        vnet: &powershell(&endpoint.subnet.vnet),
        subnet: &powershell(&endpoint.subnet.subnet),
        resource_id: &powershell(&endpoint.resource_id),
        group_id: &powershell(&endpoint.group_id),
        connection: &powershell(&endpoint.connection_name),
        tags: AZ_MODULE.of(plan).inline,
        tags_appended: "",
        // The az templates' slots: the subnet by ID, the options, the message's own block.
        subnet_id: "",
        vnet_id: "",
        manual_options: "",
        has_request_message: false,
    }
    .fill(templates::CREATE_ENDPOINT)
}
