package dev.viva;

import dev.viva.platform.database.DatabaseBootstrap;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/** Entry point: makes sure there is a PostgreSQL to talk to, then starts the server. */
@QuarkusMain
public final class Viva {

    public static void main(String... args) {
        try {
            DatabaseBootstrap.prepare(System.getenv(), System.getProperties());
        } catch (DatabaseBootstrap.StartupRefused refused) {
            System.err.println("Viva cannot start: " + refused.getMessage());
            System.exit(1);
        }
        Quarkus.run(args);
    }
}
