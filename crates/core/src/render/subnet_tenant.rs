//! A subnet in another Entra tenant, in the az scripts: az reaches it only when the sign-in lists
//! its subscription (`az login --tenant` there adds it). Before the first command on such a
//! subnet, the script checks that and stops with the command to run if not, rather than failing
//! later on az's "subscription not found" (or, for `show` guards, mistaking it for "absent").

use crate::quote::Quote;
use crate::render::template::Template;
use crate::render::templates::SubnetTenantCheck;
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
