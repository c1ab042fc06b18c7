//! A subnet in another Entra tenant, in the az scripts: az reaches it only when the sign-in lists
//! its subscription (`az login --tenant` there adds it). Before the first command on such a
//! subnet, the script checks that and stops with the command to run if not, rather than failing
//! later on az's "subscription not found" (or, for `show` guards, mistaking it for "absent").

use crate::quote::Quote;
use crate::render::template::Template;
use crate::render::templates::{EnableServiceEndpoint, SubnetTenantCheck};
use crate::subnet_id::SubnetId;

/// The check for `subnet` when `tenant_id` is another tenant; nothing otherwise.
pub(super) fn subnet_tenant_check(
    template: Template<SubnetTenantCheck<'static>>,
    quote: Quote,
    subnet: &SubnetId,
    tenant_id: Option<&str>,
) -> String {
    let Some(tenant_id) = tenant_id else {
        return String::new();
    };
    SubnetTenantCheck {
        subscription_id: &quote(&subnet.subscription_id),
        tenant_id: &quote(tenant_id),
    }
    .fill(template)
}

/// The service endpoint step of both az scripts: the subnet by ID, after the sign-in check for
/// a subnet in another tenant.
pub(super) fn az_enable_service_endpoint(
    template: Template<EnableServiceEndpoint<'static>>,
    tenant_check: Template<SubnetTenantCheck<'static>>,
    quote: Quote,
    subnet: &SubnetId,
    tenant_id: Option<&str>,
) -> String {
    EnableServiceEndpoint {
        subnet_id: &quote(&subnet.to_string()),
        tenant_check: &subnet_tenant_check(tenant_check, quote, subnet, tenant_id),
        // The Az cmdlet template's slots (render/az_module).
        subscription_id: "",
        tenant: "",
        resource_group: "",
        vnet: "",
        subnet: "",
    }
    .fill(template)
}
