"""The salon search's folded texts: every folding rule, and the texts following every write."""

import pytest
from django.core.management import call_command
from django.db import connection

from apps.salons.models import Salon, Service
from apps.salons.search_backend import fts_available
from apps.salons.search_index import fold_text, salon_search_rebuild, search_terms

from .factories import make_salon, make_service


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("صَالُونُ النَّخِيلِ", "صالون النخيل"),  # harakat, shadda
        ("سَيِّدَةٌ", "سيده"),  # tanween (and ta marbuta)
        ("شَعْر", "شعر"),  # sukun
        ("جـــمـال", "جمال"),  # tatweel
        ("رحمٰن", "رحمن"),  # superscript alef
        ("أإآٱا", "ااااا"),  # every alef with a hamza or madda, and wasla
        ("مؤسسة", "موسسه"),  # hamza on waw
        ("هيئة", "هييه"),  # hamza on ya
        ("قصة", "قصه"),  # ta marbuta
        ("ليلى", "ليلي"),  # alef maqsura
        ("٠١٢٣٤٥٦٧٨٩", "0123456789"),  # Arabic-Indic digits
        ("۰۱۲۳۴۵۶۷۸۹", "0123456789"),  # Persian digits
        ("Glamour STUDIO", "glamour studio"),  # case
    ],
)
def test_fold_text_applies_each_rule(text, expected):
    assert fold_text(text) == expected


def test_search_terms_are_folded_distinct_words_in_order():
    assert search_terms("  صالون   الأميرة صالون\tقَصّ SALON Salon ") == ["صالون", "الاميره", "قص", "salon"]


def test_search_terms_of_a_blank_query_are_empty():
    assert search_terms(" \t ") == []


@pytest.mark.django_db
def test_a_new_salon_holds_its_folded_names_district_and_city():
    # When
    salon = make_salon(
        name_ar="صالون الأميرة", name_en="Princess", district_ar="العُلْيا", district_en="Olaya", city="riyadh"
    )

    # Then
    salon.refresh_from_db()
    assert salon.search_names == "صالون الاميره\nprincess"
    assert salon.search_district == "\nالعليا\nolaya\n"
    assert salon.search_text.split("\n") == ["صالون الاميره", "princess", "العليا", "olaya", "الرياض", "riyadh"]


@pytest.mark.django_db
def test_a_service_write_rewrites_its_salons_search_text():
    # Given
    salon = make_salon(name_en="Rose")

    # When a service is added, renamed, deactivated and deleted
    service = make_service(salon, name_ar="صبغة", name_en="Colour")
    salon.refresh_from_db()
    assert "صبغه" in salon.search_text.split("\n")
    assert service.search_name == "صبغه\ncolour"

    service.name_en = "Hair colour"
    service.save(update_fields=["name_en"])
    salon.refresh_from_db()
    assert "hair colour" in salon.search_text.split("\n")

    service.is_active = False
    service.save(update_fields=["is_active"])
    salon.refresh_from_db()
    assert "hair colour" not in salon.search_text

    service.is_active = True
    service.save(update_fields=["is_active"])
    service.delete()
    salon.refresh_from_db()
    assert "colour" not in salon.search_text


@pytest.mark.django_db
def test_a_salon_rename_rewrites_its_texts_and_keeps_its_services():
    # Given
    salon = make_salon(name_en="Rose")
    make_service(salon, name_en="Haircut")

    # When
    salon.name_en = "Lily"
    salon.district_en = "Malqa"
    salon.save(update_fields=["name_en", "district_en"])

    # Then
    salon.refresh_from_db()
    assert "lily" in salon.search_names
    assert "\nmalqa\n" in salon.search_district
    assert {"lily", "malqa", "haircut"} <= set(salon.search_text.split("\n"))
    assert "rose" not in salon.search_text


@pytest.mark.django_db
def test_rebuild_repairs_texts_written_around_the_model(capsys):
    # Given texts that bulk writes left stale
    salon = make_salon(name_en="Rose")
    service = make_service(salon, name_en="Haircut")
    Salon.objects.filter(id=salon.id).update(search_names="", search_text="")
    Service.objects.filter(id=service.id).update(search_name="")

    # When
    call_command("rebuild_search_index")

    # Then
    salon.refresh_from_db()
    service.refresh_from_db()
    assert "rose" in salon.search_names
    assert "haircut" in salon.search_text
    assert service.search_name.split("\n")[1] == "haircut"
    assert "1 salons" in capsys.readouterr().out


@pytest.mark.django_db
def test_rebuild_of_some_salons_leaves_the_others():
    # Given
    first, second = make_salon(name_en="Rose"), make_salon(name_en="Lily")
    Salon.objects.update(search_names="")

    # When
    written = salon_search_rebuild(salon_ids=[first.id])

    # Then
    assert written == 1
    assert Salon.objects.get(id=first.id).search_names != ""
    assert Salon.objects.get(id=second.id).search_names == ""


@pytest.mark.django_db
def test_the_sqlite_mirror_follows_the_table():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's FTS5 mirror")
    assert fts_available(connection)
    # Given
    salon = make_salon(name_en="Rose")
    make_service(salon, name_en="Keratin")

    # When
    with connection.cursor() as cursor:
        cursor.execute("SELECT rowid FROM salons_salon_search WHERE salons_salon_search MATCH '\"keratin\"'")
        found = [row[0] for row in cursor.fetchall()]

    # Then
    assert found == [salon.id]


@pytest.mark.django_db
def test_the_sqlite_mirror_survives_a_table_rebuild():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's FTS5 mirror")
    from apps.salons.apps import _reinstall_sqlite_search_mirror

    # Given the triggers lost, as when a migration rebuilds the table
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER salons_salon_search_insert")
    lost = make_salon(name_en="Orchid")

    # When migrate finishes
    _reinstall_sqlite_search_mirror(sender=None, using="default")

    # Then the mirror holds the salon written meanwhile, and new writes again
    later = make_salon(name_en="Orchid Two")
    with connection.cursor() as cursor:
        cursor.execute("SELECT rowid FROM salons_salon_search WHERE salons_salon_search MATCH '\"orchid\"'")
        assert sorted(row[0] for row in cursor.fetchall()) == [lost.id, later.id]
