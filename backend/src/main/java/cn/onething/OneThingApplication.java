package cn.onething;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OneThingApplication {

    public static void main(String[] args) {
        SpringApplication.run(OneThingApplication.class, args);
    }
}
