"""Keeping every watched job fresh: which endpoint and credential a job goes through
(connections), when it is due (schedule), the cycle that asks, the gates that hold a
down endpoint or a refused credential, the global rate cap and its back-off after a 429.
It imports domain, store and api, never textual.
"""
