// The audit trail on a real SQLite journal.db: appends chain each row to the one before and seal
// it with the key file's HMAC, and AuditVerifier names the first bad row after each kind of
// tampering, made through a separate connection as an intruder with write access to the file
// would: an edited field, a deleted middle row, a deleted last row (caught by the head file),
// an inserted row, two rows swapped, and a wrong key. Fixture: tests/support/audittesting.h.

#include "audittesting.h"

using namespace vigil;
using namespace vigil::testing;

class TstAuditTrail : public QObject, private AuditTrailFixture
{
    Q_OBJECT

private slots:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void appendsAChainThatVerifies();
    void detectsAnEditedField();
    void detectsADeletedMiddleRow();
    void detectsADeletedLastRow();
    void recordsAMissingHeadFileInTheTrail();
    void detectsAnInsertedRowAtTheEnd();
    void detectsAnInsertedRowInTheMiddle();
    void detectsSwappedRows();
    void detectsAWrongKey();
    void acceptsAHeadFileThatIsBehind();
};

void TstAuditTrail::appendsAChainThatVerifies()
{
    const AuditRow first = stored(1);
    QCOMPARE(first.prevHash, AuditChain::genesisHash());
    QCOMPARE(first.entry.timeMs, 1'700'000'001'000);
    QCOMPARE(first.entry, [] {
        AuditEntry e = auditEntry(1);
        e.timeMs = 1'700'000'001'000;
        return e;
    }());
    for (qint64 seq = 2; seq <= kAuditRows; ++seq)
        QCOMPARE(stored(seq).prevHash, stored(seq - 1).hash);
    QCOMPARE(first.hash, AuditChain::hash(first.prevHash, 1, first.entry));
    QCOMPARE(first.hmac, AuditChain::hmac(m_key, first.hash));

    const AuditVerification result = verify();
    QVERIFY2(result.ok, qPrintable(result.reason));
    QCOMPARE(result.rowsChecked, kAuditRows);
    QCOMPARE(result.firstBadSeq, 0);

    // The head file records the last row.
    QString error;
    const std::optional<AuditHead> head = AuditHeadFile(headPath()).read(&error);
    QVERIFY2(head, qPrintable(error));
    QCOMPARE(head->seq, kAuditRows);
    QCOMPARE(head->hash, stored(kAuditRows).hash);
}

void TstAuditTrail::detectsAnEditedField()
{
    tamper({QStringLiteral("UPDATE audit SET detail = '0 → 0 (row 3)' WHERE seq = 3")});
    const AuditVerification result = verify();
    QVERIFY(!result.ok);
    QCOMPARE(result.firstBadSeq, 3);
    QCOMPARE(result.rowsChecked, 2);
    QCOMPARE(result.reason, QStringLiteral("seq 3: hash mismatch (the row was changed)"));
}

void TstAuditTrail::detectsADeletedMiddleRow()
{
    tamper({QStringLiteral("DELETE FROM audit WHERE seq = 3")});
    const AuditVerification result = verify();
    QVERIFY(!result.ok);
    QCOMPARE(result.firstBadSeq, 3);
    QCOMPARE(result.reason, QStringLiteral("seq 3: missing (the row was deleted)"));
}

void TstAuditTrail::detectsADeletedLastRow()
{
    tamper({QStringLiteral("DELETE FROM audit WHERE seq >= 5")});
    const AuditVerification result = verify();
    QVERIFY(!result.ok);
    QCOMPARE(result.firstBadSeq, 5);
    QCOMPARE(result.rowsChecked, 4);
    QCOMPARE(result.reason, QStringLiteral("seq 5: missing: the trail ends at seq 4 but the head "
                                           "file records seq 6 (the last rows were deleted)"));

    // The next append does not hide it: the head stays ahead until the trail passes it, and
    // the row then at its seq has another hash.
    QString error;
    QVERIFY(m_trail->append(auditEntry(7), &error));
    QCOMPARE(verify().firstBadSeq, 6);
    QVERIFY(m_trail->append(auditEntry(8), &error));
    const AuditVerification later = verify();
    QVERIFY(!later.ok);
    QCOMPARE(later.firstBadSeq, 6);
    QVERIFY2(later.reason.contains(QStringLiteral("does not match the audit head file")),
             qPrintable(later.reason));
}

void TstAuditTrail::recordsAMissingHeadFileInTheTrail()
{
    tamper({QStringLiteral("DELETE FROM audit WHERE seq = 6")});
    QVERIFY(QFile::remove(headPath()));
    const AuditVerification result = verify();
    QVERIFY(!result.ok);
    QVERIFY2(result.reason.contains(QStringLiteral("audit head file")) &&
                 result.reason.contains(QStringLiteral("is missing")),
             qPrintable(result.reason));

    // A writer that finds the head gone says so in the trail before its own row.
    AuditTrail writer(m_connection->database(), true, m_key, headPath(), m_clock.get());
    QString error;
    const std::optional<AuditRow> row = writer.append(auditEntry(9), &error);
    QVERIFY2(row, qPrintable(error));
    QCOMPARE(row->seq, 7);
    const AuditRow note = stored(6);
    QCOMPARE(note.entry.action, QStringLiteral("audit.head"));
    QCOMPARE(note.entry.result, QStringLiteral("failed"));
    QCOMPARE(note.entry.detail,
             QStringLiteral("the head file was missing while the trail had 5 rows; recreated"));
    QVERIFY(verify().ok);

    // The same writer notices when the head goes again while it runs.
    QVERIFY(QFile::remove(headPath()));
    QVERIFY(writer.append(auditEntry(10), &error));
    QCOMPARE(stored(8).entry.action, QStringLiteral("audit.head"));
    QCOMPARE(stored(9).entry.target, QStringLiteral("P1010.CMD"));
    QVERIFY(verify().ok);
}

void TstAuditTrail::detectsAnInsertedRowAtTheEnd()
{
    // A well-formed row chained to the last one, sealed with a key of the intruder's own.
    const AuditRow last = stored(kAuditRows);
    const AuditEntry fake{last.entry.timeMs + 1, "mallory", "user.add", "mallory", "admin", "ok"};
    const AuditRow forged = AuditChain::seal(last.hash, kAuditRows + 1, fake, QByteArray(32, 'x'));
    tamper({QStringLiteral("INSERT INTO audit VALUES (%1, %2, 'mallory', 'user.add', 'mallory', "
                           "'admin', 'ok', '%3', '%4', '%5')")
                .arg(forged.seq)
                .arg(fake.timeMs)
                .arg(forged.prevHash, forged.hash, forged.hmac)});
    const AuditVerification result = verify();
    QVERIFY(!result.ok);
    QCOMPARE(result.firstBadSeq, kAuditRows + 1);
    QCOMPARE(result.reason,
             QStringLiteral("seq 7: HMAC mismatch (the row was not sealed with this audit key)"));
}

void TstAuditTrail::detectsAnInsertedRowInTheMiddle()
{
    QStringList shift;
    for (int seq = kAuditRows; seq >= 4; --seq)
        shift.append(
            QStringLiteral("UPDATE audit SET seq = %1 WHERE seq = %2").arg(seq + 1).arg(seq));
    const AuditRow before = stored(3);
    const AuditEntry fake{
        before.entry.timeMs + 1, "mallory", "user.role", "mallory", "admin", "ok"};
    const QString hash = AuditChain::hash(before.hash, 4, fake);
    shift.append(QStringLiteral("INSERT INTO audit VALUES (4, %1, 'mallory', 'user.role', "
                                "'mallory', 'admin', 'ok', '%2', '%3', '%4')")
                     .arg(fake.timeMs)
                     .arg(before.hash, hash, AuditChain::hmac("guessed", hash)));
    tamper(shift);
    const AuditVerification result = verify();
    QVERIFY(!result.ok);
    QCOMPARE(result.firstBadSeq, 4);
    QVERIFY2(result.reason.contains(QStringLiteral("HMAC mismatch")), qPrintable(result.reason));
}

void TstAuditTrail::detectsSwappedRows()
{
    // Rows 2 and 4 trade everything but their seq: each is a valid row, in the wrong place.
    const QString columns =
        QStringLiteral("time_ms, user_name, action, target, detail, result, prev_hash, hash, hmac");
    tamper({QStringLiteral("CREATE TEMP TABLE keep AS SELECT * FROM audit WHERE seq IN (2, 4)"),
            QStringLiteral("UPDATE audit SET (%1) = (SELECT %1 FROM keep WHERE keep.seq = 6 - "
                           "audit.seq) WHERE seq IN (2, 4)")
                .arg(columns)});
    QCOMPARE(stored(2).entry.target, QStringLiteral("P104.CMD"));
    const AuditVerification result = verify();
    QVERIFY(!result.ok);
    QCOMPARE(result.firstBadSeq, 2);
    QVERIFY2(result.reason.contains(QStringLiteral("prev_hash does not match")),
             qPrintable(result.reason));

    // Swapping only the visible fields breaks the row's own hash instead.
    cleanup();
    init();
    tamper({QStringLiteral("CREATE TEMP TABLE keep AS SELECT * FROM audit WHERE seq IN (2, 4)"),
            QStringLiteral("UPDATE audit SET (target, detail) = (SELECT target, detail FROM keep "
                           "WHERE keep.seq = 6 - audit.seq) WHERE seq IN (2, 4)")});
    QCOMPARE(verify().firstBadSeq, 2);
    QVERIFY(verify().reason.contains(QStringLiteral("hash mismatch")));
}

void TstAuditTrail::detectsAWrongKey()
{
    const AuditVerification result = verify(QByteArray(32, '\x01'));
    QVERIFY(!result.ok);
    QCOMPARE(result.firstBadSeq, 1);
    QCOMPARE(result.reason,
             QStringLiteral("seq 1: HMAC mismatch (the row was not sealed with this audit key)"));
}

void TstAuditTrail::acceptsAHeadFileThatIsBehind()
{
    // An append interrupted between its commit and the head file, or one in flight while the
    // verifier reads: the head is behind, the rows after it verify on their own.
    QFile file(headPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray head = file.readAll();
    file.close();
    QString error;
    QVERIFY(m_trail->append(auditEntry(7), &error));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(head);
    file.close();
    const AuditVerification result = verify();
    QVERIFY2(result.ok, qPrintable(result.reason));
    QCOMPARE(result.rowsChecked, kAuditRows + 1);
}

QTEST_GUILESS_MAIN(TstAuditTrail)
#include "tst_audittrail.moc"
