group_exists=$(az group exists --subscription {{subscription}} --name {{resource_group}})
if [ "$group_exists" != true ]; then
  echo {{message}} >&2
  exit 1
fi
