"""Cron, daily: `python manage.py zatca_certificates` marks units whose certificate ends within
ZATCA_EXPIRY_NOTICE_DAYS as expiring (their managers told once) and ended ones as expired."""

from django.core.management.base import BaseCommand

from apps.zatca.expiry import unit_check_certificates


class Command(BaseCommand):
    help = "Move e-invoicing units to expiring/expired and tell their managers before expiry."

    def handle(self, *args, **options):
        counts = unit_check_certificates()
        self.stdout.write(
            f"expiring: {counts['expiring']}, managers told: {counts['told']}, expired: {counts['expired']}"
        )
