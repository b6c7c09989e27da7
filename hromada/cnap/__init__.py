"""The administrative-services centre (ЦНАП): the registry of services with
their information and technological cards, the centres and the providers.

Law 5203-VI «Про адміністративні послуги»; DOMAIN.md §1.3, §2.4, §3.5.
"""
