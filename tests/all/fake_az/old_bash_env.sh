# Read by bash before the script (BASH_ENV): makes today's bash refuse what bash 3.2 (macOS)
# does not have, where that can be done at run time. No bash before 5 can be installed here
# (Debian ships only 5.x), so this is an approximation, on top of BASH_COMPAT=3.2:
# - the builtins added in bash 4 are switched off, so calling one is "command not found";
# - `shopt` refuses the options bash 3.2 does not know, as bash 3.2 does.
# What it cannot reproduce (the tree-sitter check in tests/all/shell_compat.rs covers them):
# new expansion syntax such as ${var,,}, and bash before 4.4 calling "${empty[@]}" unbound
# under set -u.
enable -n mapfile readarray compopt

shopt() {
  local option
  for option in "$@"; do
    case "$option" in
      autocd | checkjobs | dirspell | globstar | lastpipe | direxpand | globasciiranges | \
        inherit_errexit | assoc_expand_once | localvar_inherit | localvar_unset | \
        progcomp_alias | noexpand_translation | patsub_replacement | varredir_close)
        echo "shopt: $option: invalid shell option name" >&2
        return 1
        ;;
    esac
  done
  builtin shopt "$@"
}
