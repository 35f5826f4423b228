"""Yuqing Sentinel (应急舆情哨兵): the service package."""

__version__ = "0.1.0"
