package org.consilium.rooms;

import java.util.List;
import java.util.UUID;
import org.consilium.access.Role;
import org.consilium.testdata.Staff;
import org.consilium.testing.TestServer;
import org.consilium.testing.TestSessionRoster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the room tests over real WebSockets start from: one server whose rooms follow a test roster, a moderating
 * specialist, a district doctor and an endoscopist, and before each test a fresh session of the three about a new
 * patient (so no test finds another's room state).
 */
abstract class RoomWithSession {

  static final TestSessionRoster sessions = new TestSessionRoster();
  static TestServer server;
  static Staff moderator;
  static Staff doctor;
  static Staff endoscopist;
  String session;
  String patient;

  @BeforeAll
  static void startServer() {
    server = TestServer.create().withRoomRoster(sessions).start();
    moderator = Staff.in(server, server.testHospitalId(), Role.SPECIALIST);
    doctor = Staff.in(server, server.testHospitalId(), Role.DISTRICT_DOCTOR);
    endoscopist = Staff.in(server, server.testHospitalId(), Role.ENDOSCOPIST);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void schedule() {
    patient = UUID.randomUUID().toString();
    session = sessions.schedule(moderator.userId(), List.of(doctor.userId(), endoscopist.userId()), patient);
  }
}
