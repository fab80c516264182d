// The plant file's [security] table read onto SecurityOptions: defaults without it, every key,
// and each mistake reported as "file:line:column: security: what is wrong". Fixture conventions:
// see tests/support/plantfixture.h.

#include "builtindrivers.h"
#include "plantfixture.h"
#include "security/plantloadaudit.h"

#include <QCryptographicHash>

using namespace vigil;
using namespace vigil::testing;

class TstSecurityConfig : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void defaultsWithoutASecurityTable();
    void readsEveryKey();
    void idleLogoutZeroMeansNever();
    void errors_data();
    void errors();
    void plantLoadIsAuditedWithTheFilesDigest();

private:
    std::optional<PlantConfig> loadValid(const QByteArray &plant);
    DriverRegistry m_drivers;
};

void TstSecurityConfig::initTestCase()
{
    registerBuiltinDrivers(m_drivers);
}

std::optional<PlantConfig> TstSecurityConfig::loadValid(const QByteArray &plant)
{
    return vigil::testing::loadValid(m_drivers, plant);
}

void TstSecurityConfig::defaultsWithoutASecurityTable()
{
    const std::optional<PlantConfig> plant = loadValid(kHead + analogTag());
    QVERIFY(plant);
    QCOMPARE(plant->security.maxFailedLogins, 5);
    QCOMPARE(plant->security.lockoutMs, 5 * 60'000);
    QCOMPARE(plant->security.idleLogoutMs, 10 * 60'000);
    QCOMPARE(plant->security.autoLoginViewer, false);
    QCOMPARE(plant->security.minPasswordLength, 8);
}

void TstSecurityConfig::readsEveryKey()
{
    const std::optional<PlantConfig> plant =
        loadValid(kHead +
                  "[security]\nmax_failed_logins = 3\nlockout = \"15m\"\nidle_logout = \"2m\"\n"
                  "auto_login_viewer = true\nmin_password_length = 12\n\n" +
                  analogTag());
    QVERIFY(plant);
    QCOMPARE(plant->security.maxFailedLogins, 3);
    QCOMPARE(plant->security.lockoutMs, 15 * 60'000);
    QCOMPARE(plant->security.idleLogoutMs, 2 * 60'000);
    QCOMPARE(plant->security.autoLoginViewer, true);
    QCOMPARE(plant->security.minPasswordLength, 12);
}

void TstSecurityConfig::idleLogoutZeroMeansNever()
{
    const std::optional<PlantConfig> plant =
        loadValid(kHead + "[security]\nidle_logout = \"0s\"\n\n" + analogTag());
    QVERIFY(plant);
    QCOMPARE(plant->security.idleLogoutMs, 0);
}

void TstSecurityConfig::errors_data()
{
    addColumns();
    row("max_failed_logins zero", kHead + "[security]\nmax_failed_logins = $0\n",
        {"{p0}: security: 'max_failed_logins' must be between 1 and 100 (got 0)"});
    row("lockout is not a duration", kHead + "[security]\nlockout = $\"5\"\n",
        {"{p0}: security: 'lockout' is not a duration: \"5\" (use a number with ms, s, m, h or "
         "d, e.g. \"500ms\" or \"5s\")"});
    row("lockout over a day", kHead + "[security]\nlockout = $\"2d\"\n",
        {"{p0}: security: 'lockout' must be between 1 s and 24 h (got 48 h)"});
    row("idle_logout too short", kHead + "[security]\nidle_logout = $\"10s\"\n",
        {"{p0}: security: 'idle_logout' must be \"0s\" (never) or at least 30 s (got 10 s)"});
    row("auto_login_viewer not a bool", kHead + "[security]\nauto_login_viewer = $\"yes\"\n",
        {"{p0}: security: 'auto_login_viewer' must be true or false, got \"yes\""});
    row("min_password_length too small", kHead + "[security]\nmin_password_length = $2\n",
        {"{p0}: security: 'min_password_length' must be between 4 and 128 (got 2)"});
    row("unknown key with a suggestion", kHead + "[security]\n$idle_logut = \"1m\"\n",
        {"{p0}: security: unknown key 'idle_logut' (did you mean 'idle_logout'?)"});
}

void TstSecurityConfig::errors()
{
    checkErrors(m_drivers);
}

QTEST_GUILESS_MAIN(TstSecurityConfig)
void TstSecurityConfig::plantLoadIsAuditedWithTheFilesDigest()
{
    PlantFixture f;
    QVERIFY(f.isValid());
    const QByteArray text = kHead + analogTag();
    const QString path = f.write(QStringLiteral("plant.toml"), text);
    PlantLoader::Result result = load(m_drivers, path);
    QVERIFY(result.plant);
    const AuditEntry entry = plantLoadAuditEntry(*result.plant);
    QCOMPARE(entry.action, QStringLiteral("plant.load"));
    QCOMPARE(entry.target, result.plant->filePath);
    const QString digest =
        QString::fromLatin1(QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex());
    QVERIFY2(entry.detail.endsWith(QStringLiteral("1 devices, 1 tags, sha256 ") + digest),
             qPrintable(entry.detail));

    // One changed byte in the file: another digest in the next run's first row.
    f.write(QStringLiteral("plant.toml"), text + ' ');
    QVERIFY(!plantLoadAuditEntry(*result.plant).detail.endsWith(digest));
}

#include "tst_securityconfig.moc"
