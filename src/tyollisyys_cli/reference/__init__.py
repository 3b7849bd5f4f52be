"""Reference data shipped with the package: Statistics Finland's municipality
classification (`municipalities-2025.csv`) and what it says (`classification`): each
municipality's code, name, region and employment area. The loader's messages, `check`,
`import statfin` and `init` read it; it reads nothing of theirs.
"""
