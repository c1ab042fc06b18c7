az resource show --resource-group "$RESOURCE_GROUP" --name "$RESOURCE_NAME" --resource-type {{arm_type}} --output none
