// PasswordHasher stores scrypt hashes as "scrypt$N=…,r=…,p=…$salt$hash" and checks passwords
// against them: round trips, wrong passwords, fresh salts, tampering, malformed strings and the
// bounds on the parameters. Most cases use a small N to stay fast; one uses the defaults.

#include "security/passwordhasher.h"

#include <QRegularExpression>
#include <QtTest>

using vigil::PasswordCheck;
using vigil::PasswordHasher;
using vigil::ScryptParameters;

namespace
{
ScryptParameters fastParameters()
{
    ScryptParameters parameters;
    parameters.n = 16;
    return parameters;
}

// Replaces the character at `index` of field `field` ('$'-separated) by another base64 digit, so
// that the string stays well formed but says something else.
QString tamper(const QString &stored, int field, int index)
{
    QStringList fields = stored.split(u'$');
    QChar &c = fields[field][index];
    c = (c == u'A') ? u'B' : u'A';
    return fields.join(u'$');
}

const QString kPassword = QStringLiteral("Pump-P101 start!");
} // namespace

class TstPasswordHasher : public QObject
{
    Q_OBJECT

private slots:
    void roundTripsInTheDocumentedFormat();
    void defaultParametersWork();
    void matchesTheRfc7914TestVector();
    void refusesWrongPasswords_data();
    void refusesWrongPasswords();
    void twoHashesOfOnePasswordDiffer();
    void acceptsTheSamePasswordInAnyUnicodeForm();
    void refusesTamperedHashes_data();
    void refusesTamperedHashes();
    void refusesMalformedStringsWithAReason_data();
    void refusesMalformedStringsWithAReason();
    void hashRefusesParametersOutOfBounds_data();
    void hashRefusesParametersOutOfBounds();
    void acceptsParametersAtTheBounds_data();
    void acceptsParametersAtTheBounds();
    void hashRefusesAnEmptyPassword();
    void tellsWhenAHashNeedsRehashing();
};

void TstPasswordHasher::roundTripsInTheDocumentedFormat()
{
    const PasswordHasher hasher(fastParameters());
    QString error;
    const QString stored = hasher.hash(kPassword, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // 16 bytes of salt and 32 of key, unpadded base64.
    static const QRegularExpression format(
        QStringLiteral("^scrypt\\$N=16,r=8,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}$"));
    QVERIFY2(format.match(stored).hasMatch(), qPrintable(stored));
    QVERIFY(!stored.contains(kPassword));

    const PasswordCheck check = PasswordHasher::verify(kPassword, stored);
    QCOMPARE(check.outcome, PasswordCheck::Outcome::Match);
    QVERIFY(check.matches());
    QVERIFY(check.reason.isEmpty());
}

void TstPasswordHasher::defaultParametersWork()
{
    const PasswordHasher hasher;
    QCOMPARE(hasher.parameters().n, quint64(32768));
    QCOMPARE(hasher.parameters().r, 8u);
    QCOMPARE(hasher.parameters().p, 1u);
    QCOMPARE(hasher.parameters().keyLength, 32);
    QString error;
    const QString stored = hasher.hash(kPassword, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(stored.startsWith(u"scrypt$N=32768,r=8,p=1$"), qPrintable(stored));
    QVERIFY(PasswordHasher::verify(kPassword, stored).matches());
    QCOMPARE(PasswordHasher::verify(kPassword + u'x', stored).outcome,
             PasswordCheck::Outcome::Mismatch);
}

void TstPasswordHasher::matchesTheRfc7914TestVector()
{
    // RFC 7914 section 12, second vector: P="password", S="NaCl", N=1024, r=8, p=16, dkLen=64.
    ScryptParameters parameters;
    parameters.n = 1024;
    parameters.r = 8;
    parameters.p = 16;
    parameters.keyLength = 64;
    QString error;
    const QByteArray key = PasswordHasher::deriveKey("password", "NaCl", parameters, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(key.toHex(),
             QByteArray("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                        "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640"));
}

void TstPasswordHasher::refusesWrongPasswords_data()
{
    QTest::addColumn<QString>("attempt");
    QTest::newRow("other") << "letmein";
    QTest::newRow("empty") << "";
    QTest::newRow("case") << kPassword.toLower();
    QTest::newRow("trailing space") << kPassword + u' ';
    QTest::newRow("one char short") << kPassword.chopped(1);
}

void TstPasswordHasher::refusesWrongPasswords()
{
    QFETCH(QString, attempt);
    const QString stored = PasswordHasher(fastParameters()).hash(kPassword);
    const PasswordCheck check = PasswordHasher::verify(attempt, stored);
    QCOMPARE(check.outcome, PasswordCheck::Outcome::Mismatch);
    QVERIFY(!check.matches());
}

void TstPasswordHasher::twoHashesOfOnePasswordDiffer()
{
    const PasswordHasher hasher(fastParameters());
    const QString first = hasher.hash(kPassword);
    const QString second = hasher.hash(kPassword);
    QVERIFY(!first.isEmpty());
    QVERIFY(first != second);
    QVERIFY(first.split(u'$')[2] != second.split(u'$')[2]);
    QVERIFY(PasswordHasher::verify(kPassword, first).matches());
    QVERIFY(PasswordHasher::verify(kPassword, second).matches());
}

void TstPasswordHasher::acceptsTheSamePasswordInAnyUnicodeForm()
{
    const QString composed = QStringLiteral("caf\u00e9-\u6cf5");
    const QString decomposed = QStringLiteral("cafe\u0301-\u6cf5");
    QVERIFY(composed != decomposed);
    const QString stored = PasswordHasher(fastParameters()).hash(decomposed);
    QVERIFY(PasswordHasher::verify(composed, stored).matches());
}

void TstPasswordHasher::refusesTamperedHashes_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::newRow("N") << "N=16,"
                       << "N=32,";
    QTest::newRow("r") << ",r=8,"
                       << ",r=9,";
    QTest::newRow("p") << ",p=1$"
                       << ",p=2$";
    QTest::newRow("salt") << "salt"
                          << "";
    QTest::newRow("hash") << "hash"
                          << "";
}

void TstPasswordHasher::refusesTamperedHashes()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    const QString stored = PasswordHasher(fastParameters()).hash(kPassword);
    QString tampered;
    if (from == u"salt")
        tampered = tamper(stored, 2, 5);
    else if (from == u"hash")
        tampered = tamper(stored, 3, 5);
    else
        tampered = QString(stored).replace(from, to);
    QVERIFY(tampered != stored);
    const PasswordCheck check = PasswordHasher::verify(kPassword, tampered);
    QCOMPARE(check.outcome, PasswordCheck::Outcome::Mismatch);
}

void TstPasswordHasher::refusesMalformedStringsWithAReason_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QString>("reason");

    const QString salt = QByteArray(16, 's').toBase64(QByteArray::OmitTrailingEquals);
    const QString key = QByteArray(32, 'k').toBase64(QByteArray::OmitTrailingEquals);
    const auto make = [&](const QString &params, const QString &s, const QString &k) {
        return QStringLiteral("scrypt$%1$%2$%3").arg(params, s, k);
    };
    const QString ok = QStringLiteral("N=16,r=8,p=1");

    QTest::newRow("empty") << ""
                           << "expected 4 fields separated by '$', found 1";
    QTest::newRow("missing hash") << ("scrypt$" + ok + "$" + salt) << "found 3";
    QTest::newRow("extra field") << (make(ok, salt, key) + "$x") << "found 5";
    QTest::newRow("other scheme") << ("bcrypt$" + ok + "$" + salt + "$" + key) << "unknown scheme";
    QTest::newRow("two parameters") << make("N=16,r=8", salt, key) << "found 2 comma-separated";
    QTest::newRow("lower-case n") << make("n=16,r=8,p=1", salt, key) << "expected N=<number>";
    QTest::newRow("reordered") << make("r=8,N=16,p=1", salt, key) << "expected N=<number>";
    QTest::newRow("no value") << make("N=,r=8,p=1", salt, key) << "N is not a plain decimal";
    QTest::newRow("leading zero") << make("N=016,r=8,p=1", salt, key) << "N is not a plain decimal";
    QTest::newRow("sign") << make("N=16,r=+8,p=1", salt, key) << "r is not a plain decimal";
    QTest::newRow("space") << make("N=16,r=8,p= 1", salt, key) << "p is not a plain decimal";
    QTest::newRow("huge number") << make("N=16,r=99999999999,p=1", salt, key)
                                 << "r is not a plain decimal";
    QTest::newRow("N not a power of two")
        << make("N=24,r=8,p=1", salt, key) << "N=24 is not a power of two";
    QTest::newRow("N of one") << make("N=1,r=8,p=1", salt, key) << "N=1 is outside";
    QTest::newRow("N too large") << make("N=2097152,r=8,p=1", salt, key) << "N=2097152 is outside";
    QTest::newRow("r of zero") << make("N=16,r=0,p=1", salt, key) << "r=0 is outside";
    QTest::newRow("r too large") << make("N=16,r=33,p=1", salt, key) << "r=33, p=1 exceed";
    QTest::newRow("p too large") << make("N=16,r=8,p=17", salt, key) << "r=8, p=17 exceed";
    QTest::newRow("too much memory") << make("N=1048576,r=8,p=1", salt, key) << "needs 1024 MiB";
    QTest::newRow("padded salt") << make(ok, salt + "==", key) << "salt is not unpadded base64";
    QTest::newRow("salt not base64")
        << make(ok, "*" + salt.mid(1), key) << "salt is not unpadded base64";
    QTest::newRow("empty salt") << make(ok, "", key) << "salt is not unpadded base64";
    QTest::newRow("short salt") << make(ok, QByteArray(8, 's').toBase64(), key)
                                << "salt is not unpadded base64";
    QTest::newRow("salt of 8 bytes")
        << make(ok, QByteArray(8, 's').toBase64(QByteArray::OmitTrailingEquals), key)
        << "salt has 8 bytes, expected 16..64";
    QTest::newRow("hash of 15 bytes")
        << make(ok, salt, QByteArray(15, 'k').toBase64(QByteArray::OmitTrailingEquals))
        << "hash has 15 bytes, expected 16..64";
    QTest::newRow("hash of 65 bytes")
        << make(ok, salt, QByteArray(65, 'k').toBase64(QByteArray::OmitTrailingEquals))
        << "hash has 65 bytes, expected 16..64";
    QTest::newRow("newline after hash")
        << (make(ok, salt, key) + "\n") << "hash is not unpadded base64";
    QTest::newRow("url-safe alphabet")
        << make(ok, salt, QString(key).replace(0, 1, u'-')) << "hash is not unpadded base64";
}

void TstPasswordHasher::refusesMalformedStringsWithAReason()
{
    QFETCH(QString, stored);
    QFETCH(QString, reason);
    const PasswordCheck check = PasswordHasher::verify(kPassword, stored);
    QCOMPARE(check.outcome, PasswordCheck::Outcome::Refused);
    QVERIFY(!check.matches());
    QVERIFY2(check.reason.startsWith(u"stored password hash: "), qPrintable(check.reason));
    QVERIFY2(check.reason.contains(reason), qPrintable(check.reason));
    // The reason may reach a log: it names fields, never their secret contents.
    QVERIFY(!check.reason.contains(kPassword));
    const QStringList fields = stored.split(u'$');
    for (qsizetype i = 2; i < fields.size(); ++i) {
        if (fields[i].size() >= 8)
            QVERIFY2(!check.reason.contains(fields[i].trimmed()), qPrintable(check.reason));
    }
}

void TstPasswordHasher::hashRefusesParametersOutOfBounds_data()
{
    QTest::addColumn<quint64>("n");
    QTest::addColumn<quint32>("r");
    QTest::addColumn<quint32>("p");
    QTest::addColumn<int>("keyLength");
    QTest::addColumn<QString>("reason");

    QTest::newRow("N=0") << quint64(0) << 8u << 1u << 32 << "N=0 is outside 2..1048576";
    QTest::newRow("N=1") << quint64(1) << 8u << 1u << 32 << "N=1 is outside";
    QTest::newRow("N=3") << quint64(3) << 8u << 1u << 32 << "N=3 is not a power of two";
    QTest::newRow("N=2^21") << (quint64(1) << 21) << 1u << 1u << 32 << "N=2097152 is outside";
    QTest::newRow("r=0") << quint64(16) << 0u << 1u << 32 << "r=0 is outside 1..32";
    QTest::newRow("r=33") << quint64(16) << 33u << 1u << 32 << "r=33 is outside";
    QTest::newRow("p=0") << quint64(16) << 8u << 0u << 32 << "p=0 is outside 1..16";
    QTest::newRow("p=17") << quint64(16) << 8u << 17u << 32 << "p=17 is outside";
    QTest::newRow("key 15") << quint64(16) << 8u << 1u << 15 << "key length 15 bytes";
    QTest::newRow("key 65") << quint64(16) << 8u << 1u << 65 << "key length 65 bytes";
    QTest::newRow("memory") << (quint64(1) << 20) << 8u << 1u << 32
                            << "needs 1024 MiB, more than the 256 MiB allowed";
}

void TstPasswordHasher::hashRefusesParametersOutOfBounds()
{
    QFETCH(quint64, n);
    QFETCH(quint32, r);
    QFETCH(quint32, p);
    QFETCH(int, keyLength);
    QFETCH(QString, reason);
    const ScryptParameters parameters{n, r, p, keyLength};
    QVERIFY(parameters.problem().contains(reason));
    QString error;
    QVERIFY(PasswordHasher(parameters).hash(kPassword, &error).isEmpty());
    QVERIFY2(error.contains(reason), qPrintable(error));
    error.clear();
    QVERIFY(PasswordHasher::deriveKey("pw", QByteArray(16, 's'), parameters, &error).isEmpty());
    QVERIFY2(error.contains(reason), qPrintable(error));
}

void TstPasswordHasher::acceptsParametersAtTheBounds_data()
{
    QTest::addColumn<quint64>("n");
    QTest::addColumn<quint32>("r");
    QTest::addColumn<quint32>("p");
    QTest::addColumn<int>("keyLength");

    QTest::newRow("smallest") << quint64(2) << 1u << 1u << 16;
    QTest::newRow("largest r, p and key") << quint64(2) << 32u << 16u << 64;
}

void TstPasswordHasher::acceptsParametersAtTheBounds()
{
    QFETCH(quint64, n);
    QFETCH(quint32, r);
    QFETCH(quint32, p);
    QFETCH(int, keyLength);
    const ScryptParameters parameters{n, r, p, keyLength};
    QVERIFY2(parameters.problem().isEmpty(), qPrintable(parameters.problem()));
    QString error;
    const QString stored = PasswordHasher(parameters).hash(kPassword, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(PasswordHasher::verify(kPassword, stored).matches());
    // The largest N is within bounds on its own; with r=1 it needs 128 MiB, under the limit.
    const ScryptParameters largestN{ScryptParameters::kMaxN, 1, 1, 32};
    QVERIFY2(largestN.problem().isEmpty(), qPrintable(largestN.problem()));
}

void TstPasswordHasher::hashRefusesAnEmptyPassword()
{
    QString error;
    QVERIFY(PasswordHasher(fastParameters()).hash(QString(), &error).isEmpty());
    QCOMPARE(error, QStringLiteral("the password is empty"));
}

void TstPasswordHasher::tellsWhenAHashNeedsRehashing()
{
    const PasswordHasher fast(fastParameters());
    const QString stored = fast.hash(kPassword);
    QVERIFY(!fast.needsRehash(stored));
    ScryptParameters stronger = fastParameters();
    stronger.n = 32;
    QVERIFY(PasswordHasher(stronger).needsRehash(stored));
    ScryptParameters longerKey = fastParameters();
    longerKey.keyLength = 64;
    QVERIFY(PasswordHasher(longerKey).needsRehash(stored));
    QVERIFY(fast.needsRehash(QStringLiteral("not a hash")));
}

QTEST_APPLESS_MAIN(TstPasswordHasher)
#include "tst_passwordhasher.moc"
