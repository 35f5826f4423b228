"""Alerts: analyses and stories become alerts, routed, escalated and handled per the plan."""
