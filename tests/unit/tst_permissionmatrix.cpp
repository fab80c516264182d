// PermissionMatrix is the one table of who may do what. Every cell is checked against the table
// below, written out independently, so that any change to a grant must be made twice on purpose.
// Values that are no role or no permission are denied.

#include "security/permissionmatrix.h"

#include <QtTest>

using vigil::Permission;
using vigil::PermissionMatrix;
using vigil::Role;

namespace
{
struct ExpectedRow {
    const char *permission;
    const char *grants; // one letter per role, viewer operator engineer admin; '-' is denied
};

// clang-format off
constexpr ExpectedRow kExpected[] = {
    //                              V O E A
    {"view-process",               "V O E A"},
    {"acknowledge-alarm",          "- O E A"},
    {"silence-alarms",             "- O E A"},
    {"shelve-alarm",               "- O E A"},
    {"alarm-out-of-service",       "- - E A"},
    {"operate-equipment",          "- O E A"},
    {"change-setpoint",            "- O E A"},
    {"confirm-critical-command",   "- O E A"},
    {"export-data",                "- O E A"},
    {"load-plant",                 "- - E A"},
    {"view-audit",                 "- - E A"},
    {"verify-audit",               "- - E A"},
    {"manage-users",               "- - - A"},
    {"leave-kiosk",                "- - - A"},
};
// clang-format on

constexpr Role kRoles[] = {Role::Viewer, Role::Operator, Role::Engineer, Role::Admin};
} // namespace

class TstPermissionMatrix : public QObject
{
    Q_OBJECT

private slots:
    void everyCellMatchesTheExpectedTable_data();
    void everyCellMatchesTheExpectedTable();
    void expectedTableCoversEveryPermission();
    void unknownRolesAreDeniedEverything_data();
    void unknownRolesAreDeniedEverything();
    void unknownPermissionsAreDeniedToEveryRole_data();
    void unknownPermissionsAreDeniedToEveryRole();
    void listsAgreeWithTheCells();
    void roleNamesRoundTrip();
    void permissionNamesRoundTrip();
};

void TstPermissionMatrix::everyCellMatchesTheExpectedTable_data()
{
    QTest::addColumn<QString>("permission");
    QTest::addColumn<int>("role");
    QTest::addColumn<bool>("allowed");

    for (const ExpectedRow &row : kExpected) {
        const QString grants = QString::fromLatin1(row.grants).remove(u' ');
        QCOMPARE(grants.size(), 4);
        for (int i = 0; i < 4; ++i) {
            const Role role = kRoles[i];
            QTest::addRow("%s/%s", row.permission, qPrintable(vigil::roleName(role)))
                << QString::fromLatin1(row.permission) << int(role) << (grants[i] != u'-');
        }
    }
}

void TstPermissionMatrix::everyCellMatchesTheExpectedTable()
{
    QFETCH(QString, permission);
    QFETCH(int, role);
    QFETCH(bool, allowed);

    const std::optional<Permission> parsed = vigil::parsePermission(permission);
    QVERIFY2(parsed.has_value(), qPrintable(permission));
    QCOMPARE(PermissionMatrix::allowed(Role(role), *parsed), allowed);
}

void TstPermissionMatrix::expectedTableCoversEveryPermission()
{
    QStringList expected;
    for (const ExpectedRow &row : kExpected)
        expected.append(QString::fromLatin1(row.permission));
    QCOMPARE(expected, vigil::permissionNames());
    QCOMPARE(vigil::roleNames(), QStringList({"viewer", "operator", "engineer", "admin"}));
}

void TstPermissionMatrix::unknownRolesAreDeniedEverything_data()
{
    QTest::addColumn<int>("role");
    QTest::newRow("zero") << 0;
    QTest::newRow("one past admin") << int(Role::Admin) + 1;
    QTest::newRow("largest") << 255;
}

void TstPermissionMatrix::unknownRolesAreDeniedEverything()
{
    QFETCH(int, role);
    for (const QString &name : vigil::permissionNames())
        QVERIFY2(!PermissionMatrix::allowed(Role(role), *vigil::parsePermission(name)),
                 qPrintable(name));
    QVERIFY(PermissionMatrix::permissionsOf(Role(role)).isEmpty());
    QVERIFY(vigil::roleName(Role(role)).isEmpty());
}

void TstPermissionMatrix::unknownPermissionsAreDeniedToEveryRole_data()
{
    QTest::addColumn<int>("permission");
    QTest::newRow("zero") << 0;
    QTest::newRow("one past the last") << int(Permission::LeaveKiosk) + 1;
    QTest::newRow("largest") << 255;
}

void TstPermissionMatrix::unknownPermissionsAreDeniedToEveryRole()
{
    QFETCH(int, permission);
    for (Role role : kRoles)
        QVERIFY2(!PermissionMatrix::allowed(role, Permission(permission)),
                 qPrintable(vigil::roleName(role)));
    QVERIFY(PermissionMatrix::rolesWith(Permission(permission)).isEmpty());
    QVERIFY(vigil::permissionName(Permission(permission)).isEmpty());
}

void TstPermissionMatrix::listsAgreeWithTheCells()
{
    for (Role role : kRoles) {
        const QList<Permission> granted = PermissionMatrix::permissionsOf(role);
        for (const QString &name : vigil::permissionNames()) {
            const Permission permission = *vigil::parsePermission(name);
            const bool allowed = PermissionMatrix::allowed(role, permission);
            QCOMPARE(granted.contains(permission), allowed);
            QCOMPARE(PermissionMatrix::rolesWith(permission).contains(role), allowed);
        }
    }
    QCOMPARE(PermissionMatrix::rolesWith(Permission::ManageUsers), QList<Role>{Role::Admin});
}

void TstPermissionMatrix::roleNamesRoundTrip()
{
    for (Role role : kRoles)
        QCOMPARE(vigil::parseRole(vigil::roleName(role)), role);
    QCOMPARE(vigil::parseRole(u"Operator"), Role::Operator);
    QCOMPARE(vigil::parseRole(u"root"), std::nullopt);
    QCOMPARE(vigil::parseRole(u""), std::nullopt);
    QCOMPARE(vigil::parseRole(u"admin "), std::nullopt);
}

void TstPermissionMatrix::permissionNamesRoundTrip()
{
    for (const QString &name : vigil::permissionNames())
        QCOMPARE(vigil::permissionName(*vigil::parsePermission(name)), name);
    QCOMPARE(vigil::parsePermission(u"Manage-Users"), Permission::ManageUsers);
    QCOMPARE(vigil::parsePermission(u"everything"), std::nullopt);
    QCOMPARE(vigil::parsePermission(u""), std::nullopt);
}

QTEST_APPLESS_MAIN(TstPermissionMatrix)
#include "tst_permissionmatrix.moc"
