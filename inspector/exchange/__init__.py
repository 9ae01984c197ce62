"""Excel (XLSX) exchange: the register and case lists out to files, the register back in.

Exports stream (openpyxl write-only) so a district's register fits in little memory.
An import is read and checked into a preview first; only `register_apply` writes,
through the register services, in one transaction. No Qt here.
"""
